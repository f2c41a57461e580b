using Formulary.Cli;

return FormularyCli.Run(args, Console.Out, Console.Error);

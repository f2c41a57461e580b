using Formulary.Cli;

var child = WholeCorpusProcess.BindToParent();
var parsed = FormularyCli.Parse(args);
return WholeCorpusProcess.TryRun(args, parsed) ?? FormularyCli.Invoke(parsed, Console.Out, Console.Error, endAtOnceOnSignal: child);

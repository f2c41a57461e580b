using Formulary.Web;

var app = FormularyWebApp.Create(new FormularyWebOptions { Urls = args.Length > 0 ? args[0] : FormularyWebOptions.DefaultUrls });
app.Run();

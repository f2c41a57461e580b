using System.Text.Json;

namespace Formulary.Cli.Tests.Commands;

/// <summary><c>rules draft</c> → edit the review block → <c>dose</c>, end to end on the CLI, and <c>rules status</c>.</summary>
public sealed class RulesCommandTests
{
    private static TestContent WithSample(string slug)
    {
        var content = new TestContent();
        File.Copy(Path.Combine(CliRun.Content, "compositions", slug + ".md"), Path.Combine(content.Root, "compositions", slug + ".md"));
        return content;
    }

    [Fact]
    public void Draft_Json_RegimensRenalBandsAndQuotes()
    {
        var content = WithSample("paracetamol");

        var (exit, output, _) = CliRun.Run("rules", "draft", Path.Combine(content.Root, "compositions", "paracetamol.md"), "--json");

        Assert.Equal(0, exit);
        var drug = JsonDocument.Parse(output).RootElement[0];
        Assert.Equal("paracetamol", drug.GetProperty("slug").GetString());
        var children = drug.GetProperty("regimens").EnumerateArray().Single(r => r.GetProperty("basis").GetString() == "mg/kg");
        // "Under 18 years: 15 mg/kg/dose orally every 4-6 hours as needed. Maximum single dose: 1 g. Maximum daily dose: 75 mg/kg/day (not exceeding 4 g/day)."
        Assert.Equal(15m, children.GetProperty("amount").GetProperty("min").GetDecimal());
        Assert.Equal(4m, children.GetProperty("intervalHours").GetProperty("min").GetDecimal());
        Assert.Equal(6m, children.GetProperty("intervalHours").GetProperty("max").GetDecimal());
        Assert.Equal(1000m, children.GetProperty("maxPerDoseMg").GetDecimal());
        Assert.Equal(4000m, children.GetProperty("maxPerDayMg").GetDecimal());
        Assert.Equal(75m, children.GetProperty("maxPerDayMgPerKg").GetDecimal());
        Assert.Equal(18m, children.GetProperty("population").GetProperty("ageBelow").GetDecimal());
        var band = drug.GetProperty("renal")[0];
        Assert.Equal(("extend-interval", 6m), (band.GetProperty("action").GetString(), band.GetProperty("value").GetProperty("min").GetDecimal()));
        Assert.Equal("CrCl 10-50 mL/min: give every 6 hours.", band.GetProperty("quote").GetString());
    }

    [Fact]
    public void DraftThenReview_DoseComputesOnlyAfterReview()
    {
        var content = WithSample("paracetamol");
        var rules = Path.Combine(content.Root, "compositions", "paracetamol.rules.yaml");
        string[] patient = ["dose", "--drug", "paracetamol", "--content", content.Root, "--age-years", "8", "--sex", "female", "--weight-kg", "25", "--height-cm", "128", "--scr-mg-dl", "0.5", "--json"];

        Assert.Equal(0, CliRun.Run("rules", "draft", content.Root).Exit);
        var (draftExit, _, draftError) = CliRun.Run(patient);
        var (editorExit, editorOutput, _) = CliRun.Run([.. patient, "--include-drafts"]);
        File.WriteAllText(rules, File.ReadAllText(rules).Replace("review: { status: draft }", "review: { status: reviewed, by: Test Editor, date: 2026-11-30 }", StringComparison.Ordinal));
        var (reviewedExit, reviewedOutput, _) = CliRun.Run(patient);

        Assert.Equal(1, draftExit);
        Assert.Contains("draft", draftError, StringComparison.Ordinal);
        Assert.Equal(0, editorExit);
        Assert.Contains("\"DRAFT_RULES\"", editorOutput, StringComparison.Ordinal);
        Assert.Equal(0, reviewedExit);
        Assert.DoesNotContain("DRAFT_RULES", reviewedOutput, StringComparison.Ordinal);
        var regimen = JsonDocument.Parse(reviewedOutput).RootElement.GetProperty("regimens").EnumerateArray().Single();
        // 15 mg/kg × 25 kg = 375 mg per dose
        Assert.Equal(375m, regimen.GetProperty("perDoseMg").GetProperty("min").GetDecimal());
    }

    [Fact]
    public void Draft_ReviewedFileBeside_NeverOverwritten()
    {
        var content = WithSample("paracetamol");
        var rules = content.Write("compositions/paracetamol.rules.yaml", File.ReadAllText(Path.Combine(CliRun.Content, "compositions", "paracetamol.rules.yaml")));
        var before = File.ReadAllText(rules);

        var (exit, output, _) = CliRun.Run("rules", "draft", content.Root, "--json");

        Assert.Equal(0, exit);
        Assert.Equal(before, File.ReadAllText(rules));
        Assert.Contains("\"written\": \"kept\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_Twice_SameBytes()
    {
        var content = WithSample("ampicillin");
        var rules = Path.Combine(content.Root, "compositions", "ampicillin.rules.yaml");

        CliRun.Run("rules", "draft", content.Root);
        var first = File.ReadAllText(rules);
        CliRun.Run("rules", "draft", content.Root);

        Assert.Equal(first, File.ReadAllText(rules));
        Assert.Contains("review: { status: draft }", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_BundledContent_ListsReviewedSamples()
    {
        var (exit, output, _) = CliRun.Run("rules", "status", "--content", CliRun.Content, "--json");

        Assert.Equal(0, exit);
        var files = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.All(files, f => Assert.Equal("reviewed", f.GetProperty("status").GetString()));
        Assert.Contains(files, f => f.GetProperty("slug").GetString() == "gentamicin");
        Assert.Equal(6, files.Count);
    }
}

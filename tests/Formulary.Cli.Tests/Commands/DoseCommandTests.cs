using System.Text.Json;

namespace Formulary.Cli.Tests.Commands;

public sealed class DoseCommandTests
{
    private static readonly string[] Boy =
    [
        "--drug", "clofarabine", "--age-years", "10", "--sex", "male", "--weight-kg", "32", "--height-cm", "138",
        "--scr-mg-dl", "0.5", "--scr-uln-mg-dl", "0.7", "--start-date", "2026-03-02", "--content", CliRun.Content,
    ];

    [Fact]
    public void Dose_Json_HasContractFieldsAndHandComputedDose()
    {
        var (exit, output, _) = CliRun.Run(["dose", .. Boy, "--med", "gentamicin", "--med", "ondansetron", "--json"]);

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("ok", json.GetProperty("status").GetString());
        // Mosteller √(138 × 32 / 3600) = 1.1075 → 1.11 m²; 52 × 1.11 = 57.72 → 57.7 mg; × 5 = 288.5 mg
        Assert.Equal(1.11m, json.GetProperty("bsaM2").GetDecimal());
        Assert.Equal("mosteller", json.GetProperty("bsaFormula").GetString());
        Assert.Equal(57.7m, json.GetProperty("dosePerDayMg").GetDecimal());
        Assert.Equal(57.72m, json.GetProperty("calculatedDoseMg").GetDecimal());
        Assert.Equal(0.1m, json.GetProperty("roundingIncrementMg").GetDecimal());
        Assert.Equal(57.7m, json.GetProperty("roundedDoseMg").GetDecimal());
        Assert.Equal(-0.0m, json.GetProperty("percentChange").GetDecimal());
        Assert.Equal(5, json.GetProperty("days").GetInt32());
        Assert.Equal(288.5m, json.GetProperty("cycleTotalMg").GetDecimal());
        Assert.Equal(2m, json.GetProperty("infusionHours").GetDecimal());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("adjustments").ValueKind);
        var alert = json.GetProperty("alerts").EnumerateArray().First(a => a.GetProperty("code").GetString() == "INTERACTION_AVOID");
        Assert.Equal("warning", alert.GetProperty("severity").GetString());
        Assert.Equal("Drug Interactions", alert.GetProperty("source").GetProperty("section").GetString());
        Assert.False(string.IsNullOrEmpty(alert.GetProperty("source").GetProperty("quote").GetString()));
        Assert.Equal("2026-03-16", json.GetProperty("nextCycle").GetProperty("earliest").GetString());
        Assert.Equal("2026-04-13", json.GetProperty("nextCycle").GetProperty("latest").GetString());
        Assert.Equal(2, json.GetProperty("nextCycle").GetProperty("criteria").GetArrayLength());
        Assert.True(json.GetProperty("trace").GetArrayLength() > 5);
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void Dose_PriorToxicity_AdjustmentWithSource()
    {
        var (exit, output, _) = CliRun.Run(["dose", .. Boy, "--prior-toxicity", "--json"]);

        Assert.Equal(0, exit);
        var adjustment = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("adjustments").EnumerateArray());
        Assert.Equal(0.75m, adjustment.GetProperty("factor").GetDecimal());
        Assert.Equal("Dosage > Dosage Adjustments", adjustment.GetProperty("source").GetProperty("section").GetString());
        // 57.72 × 0.75 = 43.29 → 43.3 mg
        Assert.Equal(43.3m, JsonDocument.Parse(output).RootElement.GetProperty("dosePerDayMg").GetDecimal());
    }

    [Fact]
    public void Dose_Contraindicated_ExitZero()
    {
        var (exit, output, _) = CliRun.Run(["dose", .. Boy, "--hepatic", "severe", "--json"]);

        Assert.Equal(0, exit);
        Assert.Equal("contraindicated", JsonDocument.Parse(output).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Dose_ImplausibleWeight_ExitOneNamingField()
    {
        var (exit, output, _) = CliRun.Run(["dose", "--drug", "clofarabine", "--age-years", "4", "--sex", "female", "--weight-kg", "180", "--height-cm", "105", "--scr-mg-dl", "0.4", "--content", CliRun.Content, "--json"]);

        Assert.Equal(1, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("refused", json.GetProperty("status").GetString());
        Assert.Equal("weight", json.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public void Dose_CreatinineLooksLikeMicromol_RefusedInTable()
    {
        var (exit, output, _) = CliRun.Run("dose", "--drug", "clofarabine", "--age-years", "10", "--sex", "male", "--weight-kg", "32", "--height-cm", "138", "--scr-mg-dl", "88", "--content", CliRun.Content);

        Assert.Equal(1, exit);
        Assert.Contains("--scr-mg-dl", output, StringComparison.Ordinal);
        Assert.Contains("µmol/L", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Dose_HumanOutput_TablesAndTrace()
    {
        var (exit, output, _) = CliRun.Run(["dose", .. Boy]);

        Assert.Equal(0, exit);
        Assert.Contains("57.7 mg", output, StringComparison.Ordinal);
        Assert.Contains("Trace:", output, StringComparison.Ordinal);
        Assert.Contains("╭", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Dose_UnknownDrug_ExitOne()
    {
        var (exit, _, error) = CliRun.Run(["dose", "--drug", "nosuchdrug", "--age-years", "10", "--content", CliRun.Content]);

        Assert.Equal(1, exit);
        Assert.Contains("clofarabine", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dose_BadUsage_ExitTwo()
    {
        var (exit, _, _) = CliRun.Run(["dose", "--drug", "clofarabine", "--no-such-option", "1"]);

        Assert.Equal(2, exit);
    }

    [Theory]
    // the traps: "10,5" must never be read as 105 years, nor "0,5" mg/dL as 5
    [InlineData("--age-years", "10,5", "age", "comma")]
    [InlineData("--scr-mg-dl", "0,5", "creatinine", "comma")]
    [InlineData("--weight-kg", "1,000", "weight", "comma")]
    [InlineData("--weight-kg", "heavy", "weight", "not a number")]
    [InlineData("--dose-rounding-mg", "1e-28", "roundingIncrement", "not a number")]
    [InlineData("--start-date", "02/03/2026", "startDate", "YYYY-MM-DD")]
    [InlineData("--pregnant", "maybe", "pregnancy", "yes, no, not-asked")]
    public void Dose_UnreadableNumberOrWord_RefusedNamingField(string option, string value, string field, string message)
    {
        var arguments = Boy.ToList();
        var at = arguments.IndexOf(option);
        if (at >= 0)
        {
            arguments[at + 1] = value;
        }
        else
        {
            arguments.AddRange([option, value]);
        }

        var (exit, output, error) = CliRun.Run(["dose", .. arguments, "--json"]);

        Assert.Equal(1, exit);
        Assert.Empty(error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("refused", json.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("dosePerDayMg").ValueKind);
        var refusal = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal(field, refusal.GetProperty("field").GetString());
        Assert.Contains(message, refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dose_RoundingBelowRange_RefusedNeverAStackTrace()
    {
        var (exit, output, error) = CliRun.Run(["dose", .. Boy, "--dose-rounding-mg", "0.0000000000000000000000000001"]);

        Assert.Equal(1, exit);
        Assert.Contains("--dose-rounding-mg", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dose_ScreensNotAsked_WarnedInOutput()
    {
        var (exit, output, _) = CliRun.Run(["dose", .. Boy, "--json"]);

        Assert.Equal(0, exit);
        var codes = JsonDocument.Parse(output).RootElement.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Contains("SCREEN_HYPERSENSITIVITY_NOT_DONE", codes);
        Assert.Contains("SCREEN_HEPATIC_NOT_DONE", codes);
    }

    [Fact]
    public void Dose_MissingDrug_ExitTwo() => Assert.Equal(2, CliRun.Run("dose", "--age-years", "10").Exit);

    [Fact]
    public void Check_Pregnant_ContraindicatedNoDose()
    {
        var (exit, output, _) = CliRun.Run("check", "--drug", "clofarabine", "--age-years", "17", "--sex", "female", "--pregnant", "--content", CliRun.Content, "--json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("contraindicated", json.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("dosePerDayMg").ValueKind);
        Assert.Contains(json.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("code").GetString() == "CI_PREGNANCY");
    }

    [Fact]
    public void Check_HumanOutput_ListsAlerts()
    {
        var (exit, output, _) = CliRun.Run("check", "--drug", "clofarabine", "--age-years", "30", "--sex", "male", "--med", "vancomycin", "--content", CliRun.Content);

        Assert.Equal(0, exit);
        Assert.Contains("OFF_LABEL", output, StringComparison.Ordinal);
        Assert.Contains("INTERACTION_AVOID", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ContraindicatedBeforeAnyFigure_PrintsNoEmptyTable()
    {
        var (exit, output, _) = CliRun.Run("check", "--drug", "clofarabine", "--age-years", "17", "--sex", "female", "--pregnant", "yes", "--content", CliRun.Content);

        Assert.Equal(0, exit);
        Assert.Contains("status contraindicated", output, StringComparison.Ordinal);
        Assert.Contains("CI_PREGNANCY", output, StringComparison.Ordinal);
        Assert.DoesNotContain("│  │  │", output, StringComparison.Ordinal);
    }
}

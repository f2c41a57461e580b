using System.Globalization;
using Formulary.Clinical.Patients;
using Formulary.Clinical.Quantities;

namespace Formulary.Clinical.Tests.Patients;

/// <summary>
/// The growth-chart table in code against the published percentile data kept beside the decision
/// (docs/decisions/growth-charts: rows of the CDC 2000 and WHO 2006 files, with their sources).
/// </summary>
public sealed class GrowthChartsTests
{
    private static readonly string Folder = Path.Combine(FindRoot(), "docs", "decisions", "growth-charts");

    [Fact]
    public void Table_EveryCdcRow_IsThePublishedP3RoundedDownAndP97RoundedUp()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "cdc.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(3 * 2 * 19, lines.Count);
        foreach (var cells in lines)
        {
            var (measure, sex, age) = (cells[0], cells[1], decimal.Parse(cells[2], CultureInfo.InvariantCulture));
            var row = Assert.Single(sex == "male" ? GrowthCharts.Boys : GrowthCharts.Girls, r => r.AgeYears == age);
            var (p3, p97) = measure switch
            {
                "weight" => (row.WeightP3Kg, row.WeightP97Kg),
                "stature" => (row.HeightP3Cm, row.HeightP97Cm),
                _ => (row.BmiP3!.Value, row.BmiP97!.Value),
            };
            Assert.Equal(Down(cells[4]), p3);
            Assert.Equal(Up(cells[6]), p97);
        }
    }

    [Fact]
    public void Table_EveryWhoRowUnderTwo_IsThePublishedP3AndP97()
    {
        foreach (var cells in File.ReadAllLines(Path.Combine(Folder, "who.tsv")).Skip(1).Select(l => l.Split('\t')).Where(c => c[2] != "24"))
        {
            var age = decimal.Parse(cells[2], CultureInfo.InvariantCulture) / 12m;
            var row = Assert.Single(cells[1] == "male" ? GrowthCharts.Boys : GrowthCharts.Girls, r => r.AgeYears == age);
            var (p3, p97) = cells[0] == "weight" ? (row.WeightP3Kg, row.WeightP97Kg) : (row.HeightP3Cm, row.HeightP97Cm);
            Assert.Equal((Down(cells[3]), Up(cells[5])), (p3, p97));
        }
    }

    [Fact]
    public void Band_BetweenRowsAndWithoutSex_InterpolatedAndWidest()
    {
        // boys' weight 10 → 11 years: P97 49.5 → 56.3; at 10.5 years (49.5 + 56.3) / 2 = 52.9
        Assert.Equal((25.3m, 52.9m), PlausibleRanges.WeightPercentilesKg(Age.FromYears(10.5m), Sex.Male));
        // without a sex at 10 years: girls' P3 23.9 (lower) and girls' P97 51.5 (higher)
        Assert.Equal((23.9m, 51.5m), PlausibleRanges.WeightPercentilesKg(Age.FromYears(10m)));
        Assert.Null(PlausibleRanges.BodyMassIndexPercentiles(Age.FromYears(1.5m), Sex.Female));
        Assert.Null(PlausibleRanges.WeightPercentilesKg(Age.FromYears(20m), Sex.Female));
    }

    private static decimal Down(string value) => Math.Floor(decimal.Parse(value, CultureInfo.InvariantCulture) * 10m) / 10m;

    private static decimal Up(string value) => Math.Ceiling(decimal.Parse(value, CultureInfo.InvariantCulture) * 10m) / 10m;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Formulary.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

using Formulary.Clinical.Dosing;
using Formulary.Clinical.Profiles;
using Formulary.Monographs.Rules;

namespace Formulary.Monographs.Tests.Rules.Samples;

/// <summary>The bundled content's reviewed rules, loaded once, and an engine on a fixed day.</summary>
internal static class SampleProfiles
{
    public static DrugProfileCatalog Catalog { get; } = DrugProfileCatalog.Load(RepoPaths.Content);

    public static DoseEngine Engine { get; } = new(new FixedClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)));

    public static DrugProfile Profile(string slug) =>
        Catalog.Find(slug) ?? throw new InvalidOperationException($"{slug}: " + string.Join("; ", Catalog.DiagnosticsFor(slug)));

    public static DoseAnswer Dose(string slug, SampleRequest request) =>
        Engine.Dose(request.ToInput(), Profile(slug));
}

using Hl7.Fhir.Model;

namespace Formulary.Web.Fhir;

/// <summary>
/// The StructureDefinition of each <see cref="SafetyExtension"/>: a complex extension on
/// MedicationKnowledge given as a differential over the core Extension (clients generate the snapshot).
/// </summary>
internal static class ExtensionDefinitions
{
    private static readonly DateOnly Published = new(2026, 11, 30);

    public static StructureDefinition For(SafetyExtension extension, FhirUrls urls)
    {
        ArgumentNullException.ThrowIfNull(extension);
        ArgumentNullException.ThrowIfNull(urls);
        var url = urls.Extension(extension.Id);
        List<ElementDefinition> elements =
        [
            new("Extension") { ElementId = "Extension", Short = extension.Title, Definition = extension.Description, Min = 0, Max = "*" },
            new("Extension.extension")
            {
                ElementId = "Extension.extension",
                Slicing = new ElementDefinition.SlicingComponent
                {
                    Discriminator = [new ElementDefinition.DiscriminatorComponent { Type = ElementDefinition.DiscriminatorType.Value, Path = "url" }],
                    Rules = ElementDefinition.SlicingRules.Closed,
                },
                Min = 2,
            },
        ];
        foreach (var (name, min, definition) in SafetyExtension.Parts)
        {
            var id = "Extension.extension:" + name;
            elements.Add(new ElementDefinition("Extension.extension") { ElementId = id, SliceName = name, Short = definition, Definition = definition, Min = min, Max = "1" });
            elements.Add(new ElementDefinition("Extension.extension.url") { ElementId = id + ".url", Fixed = new FhirUri(name) });
            elements.Add(new ElementDefinition("Extension.extension.value[x]")
            {
                ElementId = id + ".value[x]",
                Min = 1,
                Type = [new ElementDefinition.TypeRefComponent { Code = name == "kind" ? "code" : "string" }],
            });
        }

        elements.Add(new ElementDefinition("Extension.url") { ElementId = "Extension.url", Fixed = new FhirUri(url) });
        elements.Add(new ElementDefinition("Extension.value[x]") { ElementId = "Extension.value[x]", Max = "0" });

        return new StructureDefinition
        {
            Id = extension.Id,
            Url = url,
            Name = extension.Name,
            Title = extension.Title,
            Status = PublicationStatus.Active,
            Date = Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Publisher = "Formulary",
            Description = extension.Description,
            FhirVersion = FHIRVersion.N4_0_1,
            Kind = StructureDefinition.StructureDefinitionKind.ComplexType,
            Abstract = false,
            Context = [new StructureDefinition.ContextComponent { Type = StructureDefinition.ExtensionContextType.Element, Expression = "MedicationKnowledge" }],
            Type = "Extension",
            BaseDefinition = "http://hl7.org/fhir/StructureDefinition/Extension",
            Derivation = StructureDefinition.TypeDerivationRule.Constraint,
            Differential = new StructureDefinition.DifferentialComponent { Element = elements },
        };
    }

    /// <summary>One statement as an instance of the extension.</summary>
    public static Extension Statement(SafetyExtension extension, FhirUrls urls, string kind, string text, string? code = null, Clinical.Profiles.Citation? source = null)
    {
        ArgumentNullException.ThrowIfNull(extension);
        ArgumentNullException.ThrowIfNull(urls);
        var statement = new Extension { Url = urls.Extension(extension.Id) };
        statement.Extension.Add(new Extension("kind", new Code(kind)));
        if (code is not null)
        {
            statement.Extension.Add(new Extension("code", new FhirString(code)));
        }

        statement.Extension.Add(new Extension("text", new FhirString(text)));
        if (source is not null)
        {
            statement.Extension.Add(new Extension("section", new FhirString(source.Section)));
            statement.Extension.Add(new Extension("quote", new FhirString(source.Quote)));
        }

        return statement;
    }
}

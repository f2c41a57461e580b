using Formulary.Storage.Rules;
using MonographModel = Formulary.Monographs.Model.Monograph;

namespace Formulary.Web.Fhir;

/// <summary>What one MedicationKnowledge is made from: the stored monograph, its brands' names and its stored rules.</summary>
internal sealed record MedicationKnowledgeSource(MonographModel Monograph, IReadOnlyList<string> BrandNames, DrugRules Rules, DateTimeOffset ImportedAt);

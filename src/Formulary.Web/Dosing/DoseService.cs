using System.Collections.Concurrent;
using Formulary.Clinical.Dosing;
using Formulary.Clinical.Patients;
using Formulary.Storage;
using Formulary.Storage.Rules;
using Formulary.Web.Hosting;

namespace Formulary.Web.Dosing;

/// <summary>
/// Connects the site to the clinical engine: loads the drug's profile from the rules stored with its
/// monograph (never from a folder) and hands the typed input to <see cref="DoseEngine"/>. No clinical logic
/// here. Profiles are kept per store generation, for drugs that have rules only (so request text cannot grow the cache).
/// </summary>
internal sealed class DoseService(DoseEngine engine, IMonographStore store, StoreGeneration generation)
{
    /// <summary>Swapped whole (a reference, so never read half-written by a concurrent request).</summary>
    private State? state;

    /// <summary>The slugs of the drugs whose monograph has a rules file (whether or not the rules load).</summary>
    public async Task<IReadOnlyList<string>> DrugsAsync() => [.. (await StateAsync().ConfigureAwait(false)).Drugs.Order(StringComparer.Ordinal)];

    public async Task<DrugRules> RulesAsync(string? drug)
    {
        var slug = drug?.Trim().ToLowerInvariant() ?? string.Empty;
        var current = await StateAsync().ConfigureAwait(false);
        if (!current.Drugs.Contains(slug))
        {
            return DrugRules.None(slug);
        }

        var loading = current.Rules.GetOrAdd(slug, LoadAsync);
        try
        {
            return await loading.ConfigureAwait(false);
        }
        catch
        {
            // A failed read (the store busy or away) is not remembered for the generation: the next request tries again.
            current.Rules.TryRemove(new KeyValuePair<string, Task<DrugRules>>(slug, loading));
            throw;
        }
    }

    /// <summary>The dose answer, or null (with the reason in the rules) when the drug has no usable profile.</summary>
    public async Task<(DoseAnswer? Answer, DrugRules Rules)> DoseAsync(string? drug, PatientInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rules = await RulesAsync(drug).ConfigureAwait(false);
        return (rules.Profile is { } profile ? engine.Dose(input, profile) : null, rules);
    }

    /// <summary>The screening answer (contraindications, interactions, alerts; no dose), or null when no profile exists.</summary>
    public async Task<(DoseAnswer? Answer, DrugRules Rules)> CheckAsync(string? drug, PatientInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rules = await RulesAsync(drug).ConfigureAwait(false);
        return (rules.Profile is { } profile ? engine.Check(input, profile) : null, rules);
    }

    private async Task<State> StateAsync()
    {
        var now = await generation.CurrentAsync().ConfigureAwait(false);
        if (Volatile.Read(ref state) is { } current && current.Generation == now)
        {
            return current;
        }

        var fresh = new State(now, await DrugRules.DrugsAsync(store).ConfigureAwait(false), new ConcurrentDictionary<string, Task<DrugRules>>(StringComparer.Ordinal));
        Volatile.Write(ref state, fresh);
        return fresh;
    }

    private sealed record State(long Generation, IReadOnlySet<string> Drugs, ConcurrentDictionary<string, Task<DrugRules>> Rules);

    private Task<DrugRules> LoadAsync(string slug) => DrugRules.LoadAsync(store, slug);
}

using System.Collections.Concurrent;

namespace Formulary.Web.CdsHooks.Security;

/// <summary>
/// The <c>jti</c>s already accepted, per issuer, each kept until its token expires (plus the clock skew):
/// a token seen again in that time is a replay. Bounded: when full after dropping expired entries, new
/// tokens are refused (fail closed) rather than letting the cache grow without limit.
/// </summary>
internal sealed class JwtReplayCache(TimeProvider time)
{
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<(string Issuer, string Jti), DateTimeOffset> seen = new();

    /// <summary>True when the token is new (and is now remembered); false when replayed or the cache is full.</summary>
    public bool TryUse(string issuer, string jti, DateTimeOffset keepUntil, out bool full)
    {
        full = false;
        var now = time.GetUtcNow();
        if (seen.Count >= Capacity)
        {
            foreach (var entry in seen.Where(e => e.Value <= now).ToList())
            {
                seen.TryRemove(entry);
            }

            if (seen.Count >= Capacity)
            {
                full = true;
                return false;
            }
        }

        var key = (issuer, jti);
        if (seen.TryAdd(key, keepUntil))
        {
            return true;
        }

        // Seen before: a replay, unless that entry already expired (then the token itself is expired too).
        return seen.TryGetValue(key, out var until) && until <= now && seen.TryUpdate(key, keepUntil, until);
    }
}

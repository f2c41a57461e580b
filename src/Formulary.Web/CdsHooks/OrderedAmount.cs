namespace Formulary.Web.CdsHooks;

/// <summary>
/// What an order gives per day, read from its first dosage: <see cref="LowMg"/>..<see cref="HighMg"/> per day (equal
/// for a single dose; a <c>doseRange</c> gives both ends) and how it was read (<see cref="Shown"/>, e.g. "27.55 mg 2
/// times a day (55.1 mg per day)"). Null amounts and <see cref="NotCompared"/> when the order cannot be compared with a
/// daily dose; <see cref="Implausible"/> when the amount cannot be a dose; <see cref="ScheduleDiffers"/> when it is
/// given less often than daily, so the order must be checked by hand. A correction is offered only for an order given
/// once a day (<see cref="OncePerDay"/>): splitting a dose is the prescriber's choice. <see cref="PerArea"/> when the
/// order was per m² of body surface area and <see cref="Shown"/> says how it was turned into mg.
/// </summary>
internal sealed record OrderedAmount(decimal? LowMg, decimal? HighMg, string? Shown, bool OncePerDay, string? NotCompared, bool Implausible, bool ScheduleDiffers, bool PerArea = false);

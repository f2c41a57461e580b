namespace Formulary.Web.CdsHooks;

/// <summary>An order against the doses computed for the patient: it agrees with one, differs from each, or cannot be (wholly) compared.</summary>
internal enum OrderState
{
    Agrees,
    Differs,
    NotCompared,
}

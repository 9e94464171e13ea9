namespace M365Scanner.Core.Operations;

public static class TenantStates
{
    /// <summary>States whose mailboxes the worker protects.</summary>
    public static bool IsProtected(this TenantState state) => state is TenantState.Onboarding or TenantState.Active;
}

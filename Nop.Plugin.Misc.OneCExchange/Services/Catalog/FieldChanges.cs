namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>Field assignment that reports a change, so that unchanged entities are not written.</summary>
public static class FieldChanges
{
    /// <summary>Assigns <paramref name="value"/> when it differs from <paramref name="current"/>; true when it did.</summary>
    public static bool Set<TValue>(TValue current, TValue value, Action<TValue> assign)
    {
        if (EqualityComparer<TValue>.Default.Equals(current, value))
            return false;
        assign(value);
        return true;
    }

    /// <summary>As <see cref="Set{TValue}"/>, but null means "leave the stored value alone".</summary>
    public static bool SetIfGiven<TValue>(TValue current, TValue? value, Action<TValue> assign) where TValue : struct =>
        value is { } given && Set(current, given, assign);

    public static bool SetIfGiven(string? current, string? value, Action<string> assign)
    {
        if (value is null || current == value)
            return false;
        assign(value);
        return true;
    }
}

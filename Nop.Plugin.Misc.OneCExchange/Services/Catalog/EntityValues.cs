using System.Collections.Concurrent;
using System.Reflection;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>Value snapshots of entities, to write only those whose values really changed.</summary>
public static class EntityValues
{
    private static readonly MethodInfo CloneMethod =
        typeof(object).GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>A shallow copy (entity properties are values and strings).</summary>
    public static T Copy<T>(T entity) where T : class => (T)CloneMethod.Invoke(entity, null)!;

    /// <summary>Whether every readable public property has the same value, except the ones named.</summary>
    public static bool Same(object original, object current, params string[] except) =>
        !ChangedProperties(original, current).Any(name => !except.Contains(name));

    /// <summary>The names of the writable public properties whose values differ (the columns an update must write).</summary>
    public static IEnumerable<string> ChangedProperties(object original, object current)
    {
        foreach (var property in Properties.GetOrAdd(current.GetType(),
                     type => type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                         .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0).ToArray()))
        {
            if (!Equals(property.GetValue(original), property.GetValue(current)))
                yield return property.Name;
        }
    }
}

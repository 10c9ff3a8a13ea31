using System.Collections.Concurrent;
using System.Reflection;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>Value snapshots of entities, to write only those whose values really changed.</summary>
public static class EntityValues
{
    private static readonly Func<object, object> Clone = typeof(object)
        .GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!.CreateDelegate<Func<object, object>>();

    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]> Properties = new();

    /// <summary>A shallow copy (entity properties are values and strings).</summary>
    public static T Copy<T>(T entity) where T : class => (T)Clone(entity);

    /// <summary>Whether every readable public property has the same value, except the ones named.</summary>
    public static bool Same(object original, object current, params string[] except) =>
        !ChangedProperties(original, current).Any(name => !except.Contains(name));

    /// <summary>The names of the writable public properties whose values differ (the columns an update must write).</summary>
    public static IEnumerable<string> ChangedProperties(object original, object current)
    {
        foreach (var (name, get) in Properties.GetOrAdd(current.GetType(),
                     type => type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                         .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
                         .Select(p => (p.Name, PropertyGetters.Of(p))).ToArray()))
        {
            if (!Equals(get(original), get(current)))
                yield return name;
        }
    }
}

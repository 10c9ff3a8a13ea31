using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Compiled getters of entity properties, made once per property. A batch reads every column of every row it writes or
/// compares (some 80 of a product): reflection's GetValue there cost more site time than composing the statements.
/// </summary>
public static class PropertyGetters
{
    private static readonly ConcurrentDictionary<PropertyInfo, Func<object, object?>> Getters = new();

    /// <summary>The property's value of an instance of its declaring type, boxed.</summary>
    public static Func<object, object?> Of(PropertyInfo property) => Getters.GetOrAdd(property, Compile);

    private static Func<object, object?> Compile(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var value = Expression.Property(Expression.Convert(instance, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(value, typeof(object)), instance).Compile();
    }
}

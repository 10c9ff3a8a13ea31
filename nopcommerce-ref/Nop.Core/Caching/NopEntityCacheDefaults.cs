namespace Nop.Core.Caching;

public static partial class NopEntityCacheDefaults<TEntity> where TEntity : BaseEntity
{
    public static string Prefix => $"Nop.{typeof(TEntity).Name.ToLowerInvariant()}.";
}

namespace Nop.Core.Caching;

public partial interface ICacheKeyService
{
}

using Nop.Core.Domain.Shipping;

namespace Nop.Services.Shipping;

public partial interface IShippingMethodsService
{
    Task<IList<ShippingMethod>> GetAllShippingMethodsAsync(int? filterByCountryId = null);
}

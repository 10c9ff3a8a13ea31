using Nop.Core.Domain.Directory;

namespace Nop.Services.Directory;

public partial interface ICurrencyService
{
    Task<IList<Currency>> GetAllCurrenciesAsync(bool showHidden = false, int storeId = 0);
}

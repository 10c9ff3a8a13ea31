using Nop.Core.Domain.Customers;

namespace Nop.Core;

public partial interface IWorkContext
{
    Task<Customer> GetCurrentCustomerAsync();

    Task SetCurrentCustomerAsync(Customer customer = null);
}

using Nop.Services.Plugins;

namespace Nop.Services.Payments;

public partial interface IPaymentMethod : IPlugin
{
}

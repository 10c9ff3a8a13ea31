using Nop.Core.Domain.Orders;

namespace Nop.Services.Messages;

public partial interface IWorkflowMessageService
{
    Task<IList<int>> SendOrderProcessingCustomerNotificationAsync(Order order, int languageId,
        string attachmentFilePath = null, string attachmentFileName = null);

    Task<IList<int>> SendOrderCompletedCustomerNotificationAsync(Order order, int languageId,
        string attachmentFilePath = null, string attachmentFileName = null);
}

namespace Nop.Services.Messages;

public partial interface INotificationService
{
    void SuccessNotification(string message, bool encode = true, int timeout = 0);
}

using OneCExchange.Core.Ports;
using OneCExchange.Core.Security;

namespace OneCExchange.Core.Protocol;

/// <summary>
/// type=listen (1C-Bitrix's long poll): <c>success</c> as soon as an order is due for 1C, otherwise HTTP 304 after
/// <see cref="ExchangeOptions.ListenTimeout"/>. The store is asked every <see cref="ExchangeOptions.ListenPollInterval"/>
/// (so every store instance on the database sees every order); between polls the request waits on a timer, holding no
/// thread and no database connection. Credentials are checked on every listen (there is no checkauth).
/// </summary>
internal sealed class ListenHandler(ExchangeOptions options, ExchangeRuntime runtime, SessionGate gate, IPendingOrders? pendingOrders)
{
    public async Task<Answer> HandleAsync(ExchangeRequest request, CancellationToken ct)
    {
        var credentials = BasicCredentials.Parse(request.Authorization);
        if (credentials is null)
            return Answer.Failure("Требуется авторизация HTTP Basic (логин и пароль обмена).");
        if (await gate.CheckCredentialsAsync(credentials, request.RemoteAddress, ct) is { } refused)
            return refused;
        if (pendingOrders is null)
            return Answer.Failure("Ожидание заказов (type=listen) не поддерживается этим сайтом.");

        if (await pendingOrders.AnyAsync(ct))
            return Answer.Success();
        if (!runtime.Listens.TryEnter(Math.Max(0, options.MaxWaitingListens)))
            return Answer.NotModified();
        try
        {
            var time = runtime.Time;
            var started = time.GetTimestamp();
            while (true)
            {
                var left = options.ListenTimeout - time.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                    return Answer.NotModified();
                await Task.Delay(left < options.ListenPollInterval ? left : options.ListenPollInterval, time, ct);
                if (await pendingOrders.AnyAsync(ct))
                    return Answer.Success();
            }
        }
        finally
        {
            runtime.Listens.Exit();
        }
    }
}

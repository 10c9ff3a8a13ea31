using System.Diagnostics;
using OneCExchange.Core.Exchange;
using OneCExchange.Core.Messages;

namespace OneCExchange.Core.Protocol;

/// <summary>
/// "One exchange of a type at a time", as 1C-Bitrix keeps it: held only while a request of the type is being
/// processed, through a short lease in the state store that the running request renews, so it is right across the
/// processes of a web farm and gone soon after a process dies. A request that finds the guard taken waits a bounded
/// time (a step of the other exchange ends within the step budget) before it is refused.
/// </summary>
internal sealed class RequestGuard(ExchangeOptions options, IExchangeStateStore state, TimeProvider time)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>Takes the guard of the type; null with the time to wait when another request holds it past the wait.</summary>
    public async Task<(Held? Held, TimeSpan Wait)> EnterAsync(ExchangeType type, CancellationToken ct)
    {
        var holder = Guid.NewGuid().ToString("N");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var now = time.GetUtcNow();
            var busyUntil = await state.TryEnterGuardAsync(type, holder, now, now + options.RequestGuardLease, ct);
            if (busyUntil is null)
                return (new Held(
                    renew: token => state.RenewGuardAsync(type, holder, time.GetUtcNow() + options.RequestGuardLease, token),
                    exit: () => state.ExitGuardAsync(type, holder, CancellationToken.None),
                    every: options.RequestGuardLease / 3, ct), TimeSpan.Zero);
            if (waited.Elapsed >= options.RequestGuardWait)
                return (null, busyUntil.Value - now);
            await Task.Delay(Poll, ct);
        }
    }

    /// <summary>The answer to a request that found the guard of its type taken past the wait.</summary>
    public static Answer Busy(ExchangeType type, TimeSpan wait) =>
        Answer.Failure(ExchangeMessage.Of(MessageKeys.SessionBusy, SessionGate.TypeName(type), Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))).ToString());

    /// <summary>The guard while a request runs: renewed in the background, released on dispose.</summary>
    public sealed class Held : IAsyncDisposable
    {
        private readonly Func<CancellationToken, Task> _renew;
        private readonly Func<Task> _exit;
        private readonly CancellationTokenSource _stop;
        private readonly Task _renewal;

        public Held(Func<CancellationToken, Task> renew, Func<Task> exit, TimeSpan every, CancellationToken ct)
        {
            _renew = renew;
            _exit = exit;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            _renewal = RenewAsync(every, _stop.Token);
        }

        private async Task RenewAsync(TimeSpan every, CancellationToken ct)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(every, ct);
                    await _renew(ct);
                }
            }
            catch (OperationCanceledException)
            {
                // The request is over.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _renewal;
            }
            catch (Exception)
            {
                // A failed renewal only shortens the lease; the release below is what matters.
            }
            _stop.Dispose();
            await _exit();
        }
    }
}

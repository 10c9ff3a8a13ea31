namespace OneCExchange.Core.Protocol;

/// <summary>Counts the listens waiting in this process, so that at most a set number wait at once.</summary>
public sealed class ListenSlots
{
    private int _waiting;

    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Takes a slot when fewer than <paramref name="max"/> are taken; false otherwise.</summary>
    public bool TryEnter(int max)
    {
        while (true)
        {
            var waiting = Volatile.Read(ref _waiting);
            if (waiting >= max)
                return false;
            if (Interlocked.CompareExchange(ref _waiting, waiting + 1, waiting) == waiting)
                return true;
        }
    }

    public void Exit() => Interlocked.Decrement(ref _waiting);
}

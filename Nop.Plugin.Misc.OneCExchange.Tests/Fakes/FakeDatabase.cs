using System.Reflection;
using Nop.Core;

namespace OneCExchange.Tests.Fakes;

/// <summary>
/// The in-memory "database" behind the fakes: one table per entity type, a count of round trips (every repository
/// or service call is one), and the entity events the repositories were asked to publish.
/// </summary>
public sealed class FakeDatabase
{
    private readonly Dictionary<Type, object> _tables = [];

    public int RoundTrips { get; private set; }

    /// <summary>Round trips per called operation ("Product.InsertAsync(list)"), for reports and assertions.</summary>
    public Dictionary<string, int> RoundTripsByOperation { get; } = [];

    public List<(string Kind, Type EntityType, int Id)> EntityEvents { get; } = [];

    public InMemoryRepository<T> Table<T>() where T : BaseEntity =>
        _tables.TryGetValue(typeof(T), out var table) ? (InMemoryRepository<T>)table : new InMemoryRepository<T>(this);

    /// <summary>The first repository of a type is its table (also when a DI container creates it).</summary>
    internal void Adopt<T>(InMemoryRepository<T> repository) where T : BaseEntity => _tables.TryAdd(typeof(T), repository);

    /// <summary>Rows of a table as they are stored (copies; changing them changes nothing).</summary>
    public IReadOnlyList<T> Rows<T>() where T : BaseEntity => Table<T>().Rows.Select(Copy).ToList();

    internal void RecordEntityEvent(string kind, Type entityType, int id) => EntityEvents.Add((kind, entityType, id));

    private int _uncounted;

    public void CountRoundTrip(string operation)
    {
        if (_uncounted > 0)
            return;
        RoundTrips++;
        RoundTripsByOperation[operation] = RoundTripsByOperation.GetValueOrDefault(operation) + 1;
    }

    /// <summary>Runs a fake service's own table writes without counting them (the service call itself counts one).</summary>
    public async Task Uncounted(Func<Task> write)
    {
        _uncounted++;
        try
        {
            await write();
        }
        finally
        {
            _uncounted--;
        }
    }

    public void ResetCounters()
    {
        RoundTrips = 0;
        RoundTripsByOperation.Clear();
        EntityEvents.Clear();
    }

    private static readonly MethodInfo CloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    /// <summary>A shallow copy: what the database would hand back, detached from the caller's object.</summary>
    public static T Copy<T>(T entity) where T : class => (T)CloneMethod.Invoke(entity, null)!;
}

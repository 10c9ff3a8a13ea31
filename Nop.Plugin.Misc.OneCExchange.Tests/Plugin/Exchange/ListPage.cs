using Nop.Core;

namespace OneCExchange.Tests.Plugin.Exchange;

/// <summary>One page of a list, with the count of the whole list, as the database's paged query returns it.</summary>
public sealed class ListPage<T>(IEnumerable<T> items, int totalCount) : List<T>(items), IPagedList<T>
{
    public int TotalCount { get; } = totalCount;
}

using OneCExchange.Core.Ports;

namespace Nop.Plugin.Misc.OneCExchange.Services.Mappings;

/// <summary>The order change sink, remembering each 1C order status it is sent.</summary>
public class RememberingOrderChangeSink : IOrderChangeSink
{
    #region Fields

    protected readonly IOrderChangeSink _sink;
    protected readonly SeenReferencesService _seenReferences;

    #endregion

    #region Ctor

    public RememberingOrderChangeSink(IOrderChangeSink sink, SeenReferencesService seenReferences)
    {
        _sink = sink;
        _seenReferences = seenReferences;
    }

    #endregion

    public virtual async Task<OrderChangeResult> ApplyAsync(OrderChangeCommand command, CancellationToken cancellationToken)
    {
        var result = await _sink.ApplyAsync(command, cancellationToken);
        await _seenReferences.RememberOrderStatusAsync(command.Change.StatusName ?? command.Change.StatusId);
        return result;
    }
}

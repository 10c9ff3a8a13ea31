using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.OneCExchange.Services.Orders;
using Nop.Web.Framework.Components;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.OneCExchange.Components;

/// <summary>The "1C" card on the admin's order details page (widget zone admin_order_details_block).</summary>
public class OrderOneCInfoViewComponent : NopViewComponent
{
    #region Fields

    protected readonly OrderOneCInfoModelFactory _modelFactory;

    #endregion

    #region Ctor

    public OrderOneCInfoViewComponent(OrderOneCInfoModelFactory modelFactory)
    {
        _modelFactory = modelFactory;
    }

    #endregion

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        // The zone passes the admin's order model; only its id is needed.
        if (additionalData is not BaseNopEntityModel order || await _modelFactory.PrepareAsync(order.Id) is not { } model)
            return Content(string.Empty);
        return View("~/Plugins/Misc.OneCExchange/Views/OrderOneCInfo.cshtml", model);
    }
}

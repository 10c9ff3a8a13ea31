using Microsoft.AspNetCore.Mvc;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Plugin.Misc.OneCExchange.Services.Manual;
using Nop.Web.Framework.Components;
using OneCExchange.Core.Exchange;

namespace Nop.Plugin.Misc.OneCExchange.Components;

/// <summary>The files a session kept, on its history page: download each, re-run one, download the answers.</summary>
public class ManualExchangeFilesViewComponent : NopViewComponent
{
    #region Fields

    protected readonly IManualExchangeService _manualExchangeService;
    protected readonly IRepository<OneCExchangeLogRecord> _logRecordRepository;

    #endregion

    #region Ctor

    public ManualExchangeFilesViewComponent(IManualExchangeService manualExchangeService, IRepository<OneCExchangeLogRecord> logRecordRepository)
    {
        _manualExchangeService = manualExchangeService;
        _logRecordRepository = logRecordRepository;
    }

    #endregion

    public async Task<IViewComponentResult> InvokeAsync(int sessionRecordId)
    {
        var record = _logRecordRepository.Table.Where(r => r.Id == sessionRecordId).Select(r => new { r.SessionId, r.TypeId }).FirstOrDefault();
        if (string.IsNullOrEmpty(record?.SessionId))
            return Content(string.Empty);
        var sessionId = record.SessionId;
        var session = await _manualExchangeService.GetSessionAsync(sessionId);
        var model = new ManualExchangeFilesModel
        {
            SessionId = sessionId,
            Files = session is null ? [] : _manualExchangeService.KeptFiles(session).ToList(),
            // A manual exchange is a catalog exchange: an orders file cannot be run again through it.
            CanRerun = record.TypeId == (int)ExchangeType.Catalog,
        };
        return View(OneCExchangeDefaults.ManualExchangeFilesViewPath, model);
    }
}

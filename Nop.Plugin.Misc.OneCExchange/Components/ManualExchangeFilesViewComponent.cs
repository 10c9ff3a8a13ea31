using Microsoft.AspNetCore.Mvc;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Models;
using Nop.Plugin.Misc.OneCExchange.Services.Manual;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Misc.OneCExchange.Components;

/// <summary>The files a session kept, on its history page: download each, re-run one, download the answers.</summary>
public class ManualExchangeFilesViewComponent : NopViewComponent
{
    protected readonly IManualExchangeService _manualExchangeService;
    protected readonly IRepository<OneCExchangeLogRecord> _logRecordRepository;

    public ManualExchangeFilesViewComponent(IManualExchangeService manualExchangeService, IRepository<OneCExchangeLogRecord> logRecordRepository)
    {
        _manualExchangeService = manualExchangeService;
        _logRecordRepository = logRecordRepository;
    }

    public async Task<IViewComponentResult> InvokeAsync(int sessionRecordId)
    {
        var sessionId = _logRecordRepository.Table.Where(r => r.Id == sessionRecordId).Select(r => r.SessionId).FirstOrDefault();
        if (string.IsNullOrEmpty(sessionId))
            return Content(string.Empty);
        var session = await _manualExchangeService.GetSessionAsync(sessionId);
        var model = new ManualExchangeFilesModel
        {
            SessionId = sessionId,
            Files = session is null ? [] : _manualExchangeService.KeptFiles(session).ToList(),
        };
        return View(OneCExchangeDefaults.ManualExchangeFilesViewPath, model);
    }
}

using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Misc.OneCExchange.Factories;
using Nop.Plugin.Misc.OneCExchange.Services.Manual;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.OneCExchange.Controllers;

/// <summary>
/// The manual exchange in the admin: upload a package, look at it and at what importing it would do (dry run), then
/// import it step by step. The page drives the dry run and the import with repeated AJAX steps, each one bounded.
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
public class OneCExchangeManualController : BasePluginController
{
    #region Fields

    protected readonly IManualExchangeModelFactory _manualExchangeModelFactory;
    protected readonly IManualExchangeService _manualExchangeService;
    protected readonly ILocalizationService _localizationService;
    protected readonly INotificationService _notificationService;
    protected readonly IWorkContext _workContext;

    #endregion

    #region Ctor

    public OneCExchangeManualController(IManualExchangeModelFactory manualExchangeModelFactory,
        IManualExchangeService manualExchangeService,
        ILocalizationService localizationService,
        INotificationService notificationService,
        IWorkContext workContext)
    {
        _manualExchangeModelFactory = manualExchangeModelFactory;
        _manualExchangeService = manualExchangeService;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _workContext = workContext;
    }

    #endregion

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> Index()
    {
        var model = await _manualExchangeModelFactory.PrepareManualExchangeModelAsync();

        return View(OneCExchangeDefaults.ManualExchangeViewPath, model);
    }

    [HttpPost]
    [DisableRequestSizeLimit]
    [RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> Upload(IList<IFormFile> files)
    {
        // An empty file input of the form still posts a part without a name.
        files = files.Where(f => !string.IsNullOrEmpty(f.FileName)).ToList();
        var names = PackageFolder.PackagePaths(files.Select(f => f.FileName).ToList());
        var streams = files.Select(f => f.OpenReadStream()).ToList();
        ManualStart start;
        try
        {
            start = await _manualExchangeService.StartAsync(names.Select((name, i) => new ManualUpload(name, streams[i])).ToList(), await StartedByAsync());
        }
        finally
        {
            foreach (var stream in streams)
                await stream.DisposeAsync();
        }
        if (start.Error is not null)
        {
            _notificationService.ErrorNotification(start.Error);
            return RedirectToAction(nameof(Index));
        }

        return RedirectToAction(nameof(Session), new { id = start.SessionId });
    }

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> Session(string id)
    {
        var model = await _manualExchangeModelFactory.PrepareManualExchangeSessionModelAsync(id);
        if (model is null)
            return RedirectToAction(nameof(Index));

        return View(OneCExchangeDefaults.ManualExchangeSessionViewPath, model);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> DryRunStep(string id) => Json(await _manualExchangeService.DryRunStepAsync(id));

    /// <summary>Checks the package again with the current settings (the page then runs the dry run anew).</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> DryRunAgain(string id)
    {
        await _manualExchangeService.RestartDryRunAsync(id);

        return RedirectToAction(nameof(Session), new { id });
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> ImportStep(string id) => Json(await _manualExchangeService.ImportStepAsync(id));

    /// <summary>A new manual exchange with a file kept by an earlier session (from its history page).</summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> Rerun(string id, string file)
    {
        var start = await _manualExchangeService.RerunAsync(id, file, await StartedByAsync());
        if (start.Error is not null || start.SessionId is null)
        {
            _notificationService.ErrorNotification(start.Error ?? "");
            return RedirectToAction(nameof(Index));
        }

        return RedirectToAction(nameof(Session), new { id = start.SessionId });
    }

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> Download(string id, string file)
    {
        var session = await _manualExchangeService.GetSessionAsync(id);
        if (session is null || _manualExchangeService.KeptFilePath(session, file) is not { } path)
            return NotFound();

        return PhysicalFile(path, "application/octet-stream", Path.GetFileName(path));
    }

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public virtual async Task<IActionResult> Answers(string id)
    {
        var text = await _manualExchangeModelFactory.PrepareAnswersTextAsync(id);

        return File(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", $"1c-exchange-{id}.txt");
    }

    protected virtual async Task<string> StartedByAsync()
    {
        var customer = await _workContext.GetCurrentCustomerAsync();
        return $"admin: {customer.Email}";
    }
}

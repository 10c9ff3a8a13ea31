using Nop.Core.Caching;

namespace Nop.Plugin.Misc.OneCExchange;

/// <summary>Constants of the 1C exchange plugin.</summary>
public static class OneCExchangeDefaults
{
    public static string SystemName => "Misc.OneCExchange";

    /// <summary>The prefix of every locale resource of the plugin.</summary>
    public static string LocaleResourcePrefix => "Plugins.Misc.OneCExchange.";

    public static string ConfigurationRouteName => "Plugin.Misc.OneCExchange.Configure";

    /// <summary>The exchange endpoint, relative to the store URL.</summary>
    public static string ExchangePath => "1c-exchange";

    /// <summary>1C's default exchange path (the one 1C-Bitrix sites answer on), kept as an alias.</summary>
    public static string BitrixExchangePath => "bitrix/admin/1c_exchange.php";

    public static string ConfigurationViewPath => "~/Plugins/Misc.OneCExchange/Views/Configure.cshtml";

    public static string HistoryRouteName => "Plugin.Misc.OneCExchange.History";

    public static string HistoryDetailsRouteName => "Plugin.Misc.OneCExchange.HistoryDetails";

    /// <summary>The admin menu item of the exchange history (under Configuration, after Plugins).</summary>
    public static string HistoryMenuSystemName => "Misc.OneCExchange.History";

    public static string HistoryViewPath => "~/Plugins/Misc.OneCExchange/Views/History.cshtml";

    public static string HistoryDetailsViewPath => "~/Plugins/Misc.OneCExchange/Views/HistoryDetails.cshtml";

    /// <summary>The folder, beside the plugin assembly, holding the locale resource files (en.xml, ru.xml).</summary>
    public static string LocalizationFolder => "Localization";

    public static IReadOnlyList<string> Encodings { get; } = ["utf-8", "windows-1251"];

    /// <summary>The CommerceML versions the orders document can be written in.</summary>
    public static IReadOnlyList<string> OrderSchemaVersions { get; } = ["2.03", "2.04", "2.05", "2.07", "2.08", "2.09", "2.10", "3.1"];

    public static string ManualExchangeViewPath => "~/Plugins/Misc.OneCExchange/Views/ManualExchange.cshtml";

    public static string ManualExchangeSessionViewPath => "~/Plugins/Misc.OneCExchange/Views/ManualExchangeSession.cshtml";

    public static string ManualExchangeFilesViewPath => "~/Plugins/Misc.OneCExchange/Views/ManualExchangeFiles.cshtml";

    /// <summary>The store's background-task customer, whom 1C's requests act as.</summary>
    public static CacheKey BackgroundTaskUserCacheKey => new("Nop.plugins.misc.onecexchange.backgroundtaskuser");
}

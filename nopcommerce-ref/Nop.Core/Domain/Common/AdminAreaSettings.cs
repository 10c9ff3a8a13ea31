using Nop.Core.Configuration;

namespace Nop.Core.Domain.Common;

public partial class AdminAreaSettings : ISettings
{
    public int DefaultGridPageSize { get; set; }

    public string GridPageSizes { get; set; }
}

using Nop.Core.Configuration;

namespace Nop.Core.Domain.Seo;

public partial class SeoSettings : ISettings
{
    public List<string> ReservedUrlRecordSlugs { get; set; }
}

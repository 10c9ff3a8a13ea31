namespace Nop.Core.Domain.Localization;

public partial class Language : BaseEntity
{
    public string LanguageCulture { get; set; }

    public string UniqueSeoCode { get; set; }

    public int DisplayOrder { get; set; }
}

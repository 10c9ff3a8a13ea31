using Nop.Core.Domain.Attributes;

namespace Nop.Services.Attributes;

public partial interface IAttributeParser<TAttribute, TAttributeValue>
    where TAttribute : BaseAttribute
    where TAttributeValue : BaseAttributeValue
{
    IList<string> ParseValues(string attributesXml, int attributeId);
}

using System.ComponentModel;

namespace Nop.Web.Framework.Mvc.ModelBinding;

[AttributeUsage(AttributeTargets.Property)]
public sealed class NopResourceDisplayNameAttribute : DisplayNameAttribute
{
    public NopResourceDisplayNameAttribute(string resourceKey) : base(resourceKey) => throw new NotImplementedException();
}

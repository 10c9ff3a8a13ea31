namespace Nop.Web.Framework.Models;

public abstract partial record BasePagedListModel<T> : BaseNopModel, IPagedModel<T> where T : BaseNopModel
{
    public IEnumerable<T> Data { get; set; }

    public string Draw { get; set; }

    public int RecordsFiltered { get; set; }

    public int RecordsTotal { get; set; }
}

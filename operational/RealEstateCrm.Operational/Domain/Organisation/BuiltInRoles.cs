namespace RealEstateCrm.Operational.Domain.Organisation;

/// <summary>The roles every installation has, with the functions each may use.</summary>
public static class BuiltInRoles
{
    public const string Admin = "admin", Manager = "manager", Analyst = "analyst", Sales = "sales", Agent = "agent", Service = "service";

    public static readonly IReadOnlyDictionary<string, (string Name, string[] Functions)> All = new Dictionary<string, (string, string[])>
    {
        [Admin] = ("系统管理员 Administrator", [Functions.All]),
        [Manager] = ("经理 Manager", [Functions.CustomersRead, Functions.CustomersSeePhone, Functions.SalesRead, Functions.SalesWrite, Functions.CallLists, Functions.ServiceRead, Functions.Reports, Functions.ApproveDiscount, Functions.Olap, Functions.AllData]),
        [Analyst] = ("市场分析 Analyst", [Functions.Olap, Functions.Reports, Functions.CampaignsWrite, Functions.SalesRead]),
        [Sales] = ("置业顾问 Sales", [Functions.CustomersRead, Functions.CustomersWrite, Functions.CustomersSeePhone, Functions.SalesRead, Functions.SalesWrite, Functions.CallLists]),
        [Agent] = ("座席 Agent", [Functions.CustomersRead, Functions.CustomersWrite, Functions.ServiceRead, Functions.ServiceWrite, Functions.Calls]),
        // The customer service center (客户服务中心) takes complaints, repairs and handovers for every project: its org
        // unit owns none, so without data.all a service user would see no work order at all.
        [Service] = ("客服 Service", [Functions.CustomersRead, Functions.ServiceRead, Functions.ServiceWrite, Functions.Handover, Functions.AllData]),
    };
}

/// <summary>Function codes a role may be granted (功能权限).</summary>
public static class Functions
{
    public const string All = "*";
    /// <summary>Sees every project's data, whatever the user's org unit (数据权限: 全部).</summary>
    public const string AllData = "data.all";
    public const string CustomersRead = "customers.read", CustomersWrite = "customers.write", CustomersSeePhone = "customers.see-phone", CustomersSeeIdNumber = "customers.see-id-number";
    public const string SalesRead = "sales.read", SalesWrite = "sales.write", ApproveDiscount = "sales.approve-discount", CallLists = "sales.call-lists";
    public const string CampaignsWrite = "marketing.write";
    public const string ServiceRead = "service.read", ServiceWrite = "service.write", Handover = "service.handover";
    public const string Calls = "calls", Olap = "olap", Reports = "reports";
}

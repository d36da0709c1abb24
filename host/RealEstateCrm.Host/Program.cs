using RealEstateCrm.Host.Cli;

return await CrmCli.Build().Parse(args).InvokeAsync();

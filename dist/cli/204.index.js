export const id = 204;
export const ids = [204];
export const modules = {

/***/ 2204:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;
const { awsEndpointFunctions, emitWarningIfUnsupportedVersion: emitWarningIfUnsupportedVersion$1, createDefaultUserAgentProvider, getDefaultSocketTimeout, NODE_APP_ID_CONFIG_OPTIONS, getAwsRegionExtensionConfiguration, resolveAwsRegionExtensionConfiguration, resolveUserAgentConfig, resolveHostHeaderConfig, getUserAgentPlugin, getHostHeaderPlugin, getLoggerPlugin, getRecursionDetectionPlugin } = __webpack_require__(5152);
const { getHttpAuthSchemeEndpointRuleSetPlugin, DefaultIdentityProviderConfig, getHttpSigningPlugin, createPaginator } = __webpack_require__(402);
const { normalizeProvider, getSmithyContext, ServiceException, NoOpLogger, emitWarningIfUnsupportedVersion, loadConfigsForDefaultMode, getDefaultExtensionConfiguration, resolveDefaultRuntimeConfig, Client, makeBuilder, createAggregatedClient } = __webpack_require__(2658);
const { Command: $Command } = __webpack_require__(2658);
__webpack_unused_export__ = $Command;
__webpack_unused_export__ = Client;
const { resolveDefaultsModeConfig, loadConfig, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS, resolveRegionConfig } = __webpack_require__(7291);
const { BinaryDecisionDiagram, EndpointCache, decideEndpoint, customEndpointFunctions, resolveEndpointConfig, getEndpointPlugin } = __webpack_require__(2085);
const { parseUrl, getHttpHandlerExtensionConfiguration, resolveHttpHandlerRuntimeConfig, getContentLengthPlugin } = __webpack_require__(3422);
const { DEFAULT_RETRY_MODE, NODE_RETRY_MODE_CONFIG_OPTIONS, NODE_MAX_ATTEMPT_CONFIG_OPTIONS, resolveRetryConfig, getRetryPlugin } = __webpack_require__(3609);
const { TypeRegistry, getSchemaSerdePlugin } = __webpack_require__(6890);
const { resolveAwsSdkSigV4Config, AwsSdkSigV4Signer, NODE_AUTH_SCHEME_PREFERENCE_OPTIONS } = __webpack_require__(7523);
const { defaultProvider } = __webpack_require__(5861);
const { toUtf8, fromUtf8, toBase64, fromBase64, calculateBodyLength } = __webpack_require__(2430);
const { streamCollector, NodeHttpHandler } = __webpack_require__(1279);
const { AwsJson1_1Protocol } = __webpack_require__(7288);
const { Sha256 } = __webpack_require__(9542);

const defaultAthenaHttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: getSmithyContext(context).operation,
        region: await normalizeProvider(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "athena",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultAthenaHttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = resolveAwsSdkSigV4Config(config);
    return Object.assign(config_0, {
        authSchemePreference: normalizeProvider(config.authSchemePreference ?? []),
    });
};

const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "athena",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

var version = "3.1163.0";
var packageInfo = {
	version: version};

const k = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = { [k]: "Endpoint" }, h = { [k]: d }, i = {}, j = [{ [k]: "Region" }];
const _data = {
    conditions: [
        [c, [g]],
        [c, j],
        ["aws.partition", j, d],
        [e, [{ [k]: "UseFIPS" }, b]],
        [e, [{ [k]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [g, i],
        ["https://athena-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://athena-fips.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://athena.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://athena.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 12, 3,
    1, 4, r + 11,
    2, 5, r + 11,
    3, 8, 6,
    4, 7, r + 10,
    5, r + 8, r + 9,
    4, 10, 9,
    6, r + 6, r + 7,
    5, 11, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 13,
    4, r + 2, r + 3,
]);
const bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

const cache = new EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => decideEndpoint(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

class AthenaServiceException extends ServiceException {
    static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.athena#AthenaServiceException";
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, AthenaServiceException.prototype);
    }
}

class InternalServerException extends AthenaServiceException {
    static shapeId = "com.amazonaws.athena#InternalServerException";
    name = "InternalServerException";
    $fault = "server";
    Message;
    constructor(opts) {
        super({
            name: "InternalServerException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, InternalServerException.prototype);
        this.Message = opts.Message;
    }
}
class InvalidRequestException extends AthenaServiceException {
    static shapeId = "com.amazonaws.athena#InvalidRequestException";
    name = "InvalidRequestException";
    $fault = "client";
    AthenaErrorCode;
    Message;
    constructor(opts) {
        super({
            name: "InvalidRequestException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidRequestException.prototype);
        this.AthenaErrorCode = opts.AthenaErrorCode;
        this.Message = opts.Message;
    }
}
class TooManyRequestsException extends AthenaServiceException {
    static shapeId = "com.amazonaws.athena#TooManyRequestsException";
    name = "TooManyRequestsException";
    $fault = "client";
    Message;
    Reason;
    constructor(opts) {
        super({
            name: "TooManyRequestsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyRequestsException.prototype);
        this.Message = opts.Message;
        this.Reason = opts.Reason;
    }
}
class ResourceNotFoundException extends AthenaServiceException {
    static shapeId = "com.amazonaws.athena#ResourceNotFoundException";
    name = "ResourceNotFoundException";
    $fault = "client";
    Message;
    ResourceName;
    constructor(opts) {
        super({
            name: "ResourceNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ResourceNotFoundException.prototype);
        this.Message = opts.Message;
        this.ResourceName = opts.ResourceName;
    }
}
class MetadataException extends AthenaServiceException {
    static shapeId = "com.amazonaws.athena#MetadataException";
    name = "MetadataException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "MetadataException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MetadataException.prototype);
        this.Message = opts.Message;
    }
}
class SessionAlreadyExistsException extends AthenaServiceException {
    static shapeId = "com.amazonaws.athena#SessionAlreadyExistsException";
    name = "SessionAlreadyExistsException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "SessionAlreadyExistsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, SessionAlreadyExistsException.prototype);
        this.Message = opts.Message;
    }
}

const _AC = "AclConfiguration";
const _ACd = "AdditionalConfigs";
const _ACdd = "AdditionalConfiguration";
const _AD = "AllocatedDpus";
const _ADPUS = "ApplicationDPUSizes";
const _ADPUSL = "ApplicationDPUSizesList";
const _AE = "AthenaError";
const _AEC = "AthenaErrorCode";
const _ARI = "ApplicationRuntimeId";
const _AT = "AuthToken";
const _ATET = "AuthTokenExpirationTime";
const _ATu = "AuthenticationType";
const _BGNQ = "BatchGetNamedQuery";
const _BGNQI = "BatchGetNamedQueryInput";
const _BGNQO = "BatchGetNamedQueryOutput";
const _BGPS = "BatchGetPreparedStatement";
const _BGPSI = "BatchGetPreparedStatementInput";
const _BGPSO = "BatchGetPreparedStatementOutput";
const _BGQE = "BatchGetQueryExecution";
const _BGQEI = "BatchGetQueryExecutionInput";
const _BGQEO = "BatchGetQueryExecutionOutput";
const _BSCPQ = "BytesScannedCutoffPerQuery";
const _C = "Classification";
const _CA = "CapacityAllocation";
const _CAC = "CapacityAssignmentConfiguration";
const _CAL = "CapacityAssignmentsList";
const _CAa = "CapacityAssignment";
const _CAap = "CapacityAssignments";
const _CAr = "CreatedAt";
const _CB = "CodeBlock";
const _CC = "CalculationConfiguration";
const _CCEC = "CustomerContentEncryptionConfiguration";
const _CCR = "CancelCapacityReservation";
const _CCRI = "CancelCapacityReservationInput";
const _CCRIr = "CreateCapacityReservationInput";
const _CCRO = "CancelCapacityReservationOutput";
const _CCROr = "CreateCapacityReservationOutput";
const _CCRr = "CreateCapacityReservation";
const _CDC = "CreateDataCatalog";
const _CDCI = "CreateDataCatalogInput";
const _CDCO = "CreateDataCatalogOutput";
const _CDS = "CoordinatorDpuSize";
const _CDT = "CompletionDateTime";
const _CEI = "CalculationExecutionId";
const _CI = "ColumnInfo";
const _CIL = "ColumnInfoList";
const _CL = "CalculationsList";
const _CLl = "ClassificationList";
const _CLo = "ColumnList";
const _CN = "CatalogName";
const _CNI = "CreateNotebookInput";
const _CNO = "CreateNotebookOutput";
const _CNQ = "CreateNamedQuery";
const _CNQI = "CreateNamedQueryInput";
const _CNQO = "CreateNamedQueryOutput";
const _CNr = "CreateNotebook";
const _CPNU = "CreatePresignedNotebookUrl";
const _CPNUR = "CreatePresignedNotebookUrlRequest";
const _CPNURr = "CreatePresignedNotebookUrlResponse";
const _CPS = "CreatePreparedStatement";
const _CPSI = "CreatePreparedStatementInput";
const _CPSO = "CreatePreparedStatementOutput";
const _CR = "CalculationResult";
const _CRL = "CapacityReservationsList";
const _CRN = "CapacityReservationName";
const _CRT = "ClientRequestToken";
const _CRa = "CapacityReservation";
const _CRap = "CapacityReservations";
const _CS = "CalculationStatistics";
const _CSTC = "CreateSystemTableConfiguration";
const _CSTCI = "CreateSystemTableConfigurationInput";
const _CSTCO = "CreateSystemTableConfigurationOutput";
const _CSa = "CalculationStatus";
const _CSal = "CalculationSummary";
const _CSas = "CaseSensitive";
const _CT = "CreationTime";
const _CTo = "ConnectionType";
const _CTr = "CreateTime";
const _CU = "ConfigurationUpdates";
const _CULP = "CreateUserLevelPrefix";
const _CWG = "CreateWorkGroup";
const _CWGI = "CreateWorkGroupInput";
const _CWGO = "CreateWorkGroupOutput";
const _CWGT = "CopyWorkGroupTags";
const _CWLC = "CloudWatchLoggingConfiguration";
const _Ca = "Calculations";
const _Cat = "Catalog";
const _Ch = "Children";
const _Cl = "Classifications";
const _Co = "Column";
const _Col = "Columns";
const _Com = "Comment";
const _Con = "Configuration";
const _D = "Description";
const _DC = "DataCatalog";
const _DCO = "DeleteCatalogOnly";
const _DCR = "DeleteCapacityReservation";
const _DCRI = "DeleteCapacityReservationInput";
const _DCRO = "DeleteCapacityReservationOutput";
const _DCS = "DataCatalogSummary";
const _DCSL = "DataCatalogSummaryList";
const _DCSa = "DataCatalogsSummary";
const _DCp = "DpuCount";
const _DDC = "DeleteDataCatalog";
const _DDCI = "DeleteDataCatalogInput";
const _DDCO = "DeleteDataCatalogOutput";
const _DEDS = "DefaultExecutorDpuSize";
const _DEIM = "DpuExecutionInMillis";
const _DL = "DatabaseList";
const _DML = "DataManifestLocation";
const _DN = "DatabaseName";
const _DNI = "DeleteNotebookInput";
const _DNO = "DeleteNotebookOutput";
const _DNQ = "DeleteNamedQuery";
const _DNQI = "DeleteNamedQueryInput";
const _DNQO = "DeleteNamedQueryOutput";
const _DNe = "DeleteNotebook";
const _DPS = "DeletePreparedStatement";
const _DPSI = "DeletePreparedStatementInput";
const _DPSO = "DeletePreparedStatementOutput";
const _DSIB = "DataScannedInBytes";
const _DSTC = "DeleteSystemTableConfiguration";
const _DSTCI = "DeleteSystemTableConfigurationInput";
const _DSTCO = "DeleteSystemTableConfigurationOutput";
const _DWG = "DeleteWorkGroup";
const _DWGI = "DeleteWorkGroupInput";
const _DWGO = "DeleteWorkGroupOutput";
const _Da = "Database";
const _Dat = "Datum";
const _Data = "Data";
const _E = "Enabled";
const _EBO = "ExpectedBucketOwner";
const _EC = "ErrorCategory";
const _ECn = "EncryptionConfiguration";
const _ECng = "EngineConfiguration";
const _ECr = "ErrorCode";
const _EDT = "EndDateTime";
const _EETIM = "EngineExecutionTimeInMillis";
const _EEV = "EffectiveEngineVersion";
const _EI = "ExecutorId";
const _EIC = "EnableIdentityCenter";
const _EM = "ErrorMessage";
const _EMEC = "EnableMinimumEncryptionConfiguration";
const _EN = "ExportNotebook";
const _ENI = "ExportNotebookInput";
const _ENO = "ExportNotebookOutput";
const _EO = "EncryptionOption";
const _EP = "ExecutionParameters";
const _ER = "ExecutionRole";
const _ES = "ExecutorsSummary";
const _ESAG = "EnableS3AccessGrants";
const _ESF = "ExecutorStateFilter";
const _ESL = "ExecutorsSummaryList";
const _ESx = "ExecutorState";
const _ESxe = "ExecutorSize";
const _ET = "ErrorType";
const _ETx = "ExecutorType";
const _ETxe = "ExecutionTime";
const _EU = "EndpointUrl";
const _EV = "EngineVersion";
const _EVL = "EngineVersionsList";
const _EVn = "EngineVersions";
const _EWGC = "EnforceWorkGroupConfiguration";
const _Er = "Error";
const _Ex = "Expression";
const _F = "Filters";
const _FD = "FilterDefinition";
const _GCAC = "GetCapacityAssignmentConfiguration";
const _GCACI = "GetCapacityAssignmentConfigurationInput";
const _GCACO = "GetCapacityAssignmentConfigurationOutput";
const _GCE = "GetCalculationExecution";
const _GCEC = "GetCalculationExecutionCode";
const _GCECR = "GetCalculationExecutionCodeRequest";
const _GCECRe = "GetCalculationExecutionCodeResponse";
const _GCER = "GetCalculationExecutionRequest";
const _GCERe = "GetCalculationExecutionResponse";
const _GCES = "GetCalculationExecutionStatus";
const _GCESR = "GetCalculationExecutionStatusRequest";
const _GCESRe = "GetCalculationExecutionStatusResponse";
const _GCR = "GetCapacityReservation";
const _GCRI = "GetCapacityReservationInput";
const _GCRO = "GetCapacityReservationOutput";
const _GD = "GetDatabase";
const _GDC = "GetDataCatalog";
const _GDCI = "GetDataCatalogInput";
const _GDCO = "GetDataCatalogOutput";
const _GDI = "GetDatabaseInput";
const _GDO = "GetDatabaseOutput";
const _GNM = "GetNotebookMetadata";
const _GNMI = "GetNotebookMetadataInput";
const _GNMO = "GetNotebookMetadataOutput";
const _GNQ = "GetNamedQuery";
const _GNQI = "GetNamedQueryInput";
const _GNQO = "GetNamedQueryOutput";
const _GPS = "GetPreparedStatement";
const _GPSI = "GetPreparedStatementInput";
const _GPSO = "GetPreparedStatementOutput";
const _GQE = "GetQueryExecution";
const _GQEI = "GetQueryExecutionInput";
const _GQEO = "GetQueryExecutionOutput";
const _GQR = "GetQueryResults";
const _GQRI = "GetQueryResultsInput";
const _GQRO = "GetQueryResultsOutput";
const _GQRS = "GetQueryRuntimeStatistics";
const _GQRSI = "GetQueryRuntimeStatisticsInput";
const _GQRSO = "GetQueryRuntimeStatisticsOutput";
const _GRD = "GetResourceDashboard";
const _GRDR = "GetResourceDashboardRequest";
const _GRDRe = "GetResourceDashboardResponse";
const _GS = "GetSession";
const _GSE = "GetSessionEndpoint";
const _GSER = "GetSessionEndpointRequest";
const _GSERe = "GetSessionEndpointResponse";
const _GSR = "GetSessionRequest";
const _GSRe = "GetSessionResponse";
const _GSS = "GetSessionStatus";
const _GSSR = "GetSessionStatusRequest";
const _GSSRe = "GetSessionStatusResponse";
const _GSTC = "GetSystemTableConfiguration";
const _GSTCI = "GetSystemTableConfigurationInput";
const _GSTCO = "GetSystemTableConfigurationOutput";
const _GTM = "GetTableMetadata";
const _GTMI = "GetTableMetadataInput";
const _GTMO = "GetTableMetadataOutput";
const _GWG = "GetWorkGroup";
const _GWGI = "GetWorkGroupInput";
const _GWGO = "GetWorkGroupOutput";
const _I = "Items";
const _IB = "InputBytes";
const _ICAA = "IdentityCenterApplicationArn";
const _ICC = "IdentityCenterConfiguration";
const _ICIA = "IdentityCenterInstanceArn";
const _IN = "ImportNotebook";
const _INI = "ImportNotebookInput";
const _INO = "ImportNotebookOutput";
const _IR = "InputRows";
const _IRE = "InvalidRequestException";
const _ISDT = "IdleSinceDateTime";
const _ISE = "InternalServerException";
const _ITS = "IdleTimeoutSeconds";
const _Id = "Identifier";
const _K = "Key";
const _KK = "KmsKey";
const _KKA = "KmsKeyArn";
const _L = "Label";
const _LA = "LastAllocation";
const _LADPUS = "ListApplicationDPUSizes";
const _LADPUSI = "ListApplicationDPUSizesInput";
const _LADPUSO = "ListApplicationDPUSizesOutput";
const _LAT = "LastAccessTime";
const _LCE = "ListCalculationExecutions";
const _LCER = "ListCalculationExecutionsRequest";
const _LCERi = "ListCalculationExecutionsResponse";
const _LCR = "ListCapacityReservations";
const _LCRI = "ListCapacityReservationsInput";
const _LCRO = "ListCapacityReservationsOutput";
const _LD = "ListDatabases";
const _LDC = "ListDataCatalogs";
const _LDCI = "ListDataCatalogsInput";
const _LDCO = "ListDataCatalogsOutput";
const _LDI = "ListDatabasesInput";
const _LDO = "ListDatabasesOutput";
const _LE = "ListExecutors";
const _LER = "ListExecutorsRequest";
const _LERi = "ListExecutorsResponse";
const _LEV = "ListEngineVersions";
const _LEVI = "ListEngineVersionsInput";
const _LEVO = "ListEngineVersionsOutput";
const _LG = "LogGroup";
const _LL = "LogLocation";
const _LMA = "LastModifiedAt";
const _LMDT = "LastModifiedDateTime";
const _LMT = "LastModifiedTime";
const _LNM = "ListNotebookMetadata";
const _LNMI = "ListNotebookMetadataInput";
const _LNMO = "ListNotebookMetadataOutput";
const _LNQ = "ListNamedQueries";
const _LNQI = "ListNamedQueriesInput";
const _LNQO = "ListNamedQueriesOutput";
const _LNS = "ListNotebookSessions";
const _LNSR = "ListNotebookSessionsRequest";
const _LNSRi = "ListNotebookSessionsResponse";
const _LPS = "ListPreparedStatements";
const _LPSI = "ListPreparedStatementsInput";
const _LPSO = "ListPreparedStatementsOutput";
const _LQE = "ListQueryExecutions";
const _LQEI = "ListQueryExecutionsInput";
const _LQEO = "ListQueryExecutionsOutput";
const _LS = "ListSessions";
const _LSAT = "LastSuccessfulAllocationTime";
const _LSNP = "LogStreamNamePrefix";
const _LSR = "ListSessionsRequest";
const _LSRi = "ListSessionsResponse";
const _LSTS = "ListSystemTableStatuses";
const _LSTSI = "ListSystemTableStatusesInput";
const _LSTSO = "ListSystemTableStatusesOutput";
const _LT = "LogTypes";
const _LTFR = "ListTagsForResource";
const _LTFRI = "ListTagsForResourceInput";
const _LTFRO = "ListTagsForResourceOutput";
const _LTM = "LogTypesMap";
const _LTMI = "ListTableMetadataInput";
const _LTMO = "ListTableMetadataOutput";
const _LTMi = "ListTableMetadata";
const _LWG = "ListWorkGroups";
const _LWGI = "ListWorkGroupsInput";
const _LWGO = "ListWorkGroupsOutput";
const _M = "Message";
const _MAIM = "MaxAgeInMinutes";
const _MC = "MonitoringConfiguration";
const _MCD = "MaxConcurrentDpus";
const _ME = "MetadataException";
const _MLC = "ManagedLoggingConfiguration";
const _MQRC = "ManagedQueryResultsConfiguration";
const _MQRCU = "ManagedQueryResultsConfigurationUpdates";
const _MQREC = "ManagedQueryResultsEncryptionConfiguration";
const _MR = "MaxResults";
const _N = "Name";
const _NI = "NotebookId";
const _NM = "NotebookMetadata";
const _NMA = "NotebookMetadataArray";
const _NML = "NotebookMetadataList";
const _NQ = "NamedQueries";
const _NQI = "NamedQueryIds";
const _NQIa = "NamedQueryId";
const _NQL = "NamedQueryList";
const _NQa = "NamedQuery";
const _NSL = "NotebookSessionsList";
const _NSLU = "NotebookS3LocationUri";
const _NSS = "NotebookSessionSummary";
const _NT = "NextToken";
const _NU = "NotebookUrl";
const _NV = "NotebookVersion";
const _Nu = "Nullable";
const _OB = "OutputBytes";
const _OL = "OutputLocation";
const _OR = "OutputRows";
const _OS = "OutputStage";
const _P = "Progress";
const _PCAC = "PutCapacityAssignmentConfiguration";
const _PCACI = "PutCapacityAssignmentConfigurationInput";
const _PCACO = "PutCapacityAssignmentConfigurationOutput";
const _PCWME = "PublishCloudWatchMetricsEnabled";
const _PK = "PartitionKeys";
const _PS = "PreparedStatements";
const _PSDL = "PreparedStatementDetailsList";
const _PSL = "PreparedStatementsList";
const _PSN = "PreparedStatementNames";
const _PSS = "PreparedStatementSummary";
const _PSr = "PreparedStatement";
const _Pa = "Parameters";
const _Pay = "Payload";
const _Pr = "Properties";
const _Pre = "Precision";
const _Q = "Query";
const _QE = "QueryExecutions";
const _QEC = "QueryExecutionContext";
const _QEI = "QueryExecutionIds";
const _QEIu = "QueryExecutionId";
const _QEL = "QueryExecutionList";
const _QES = "QueryExecutionStatistics";
const _QESu = "QueryExecutionStatus";
const _QEu = "QueryExecution";
const _QPTIM = "QueryPlanningTimeInMillis";
const _QQTIM = "QueryQueueTimeInMillis";
const _QRS = "QueryRuntimeStatistics";
const _QRSAGC = "QueryResultsS3AccessGrantsConfiguration";
const _QRSR = "QueryRuntimeStatisticsRows";
const _QRST = "QueryRuntimeStatisticsTimeline";
const _QRT = "QueryResultType";
const _QS = "QueryString";
const _QSP = "QueryStagePlan";
const _QSPN = "QueryStagePlanNode";
const _QSPNu = "QueryStagePlanNodes";
const _QSu = "QueryStatement";
const _QSue = "QueryStage";
const _QSuer = "QueryStages";
const _R = "Reason";
const _RAC = "RemoveAclConfiguration";
const _RARN = "ResourceARN";
const _RBSCPQ = "RemoveBytesScannedCutoffPerQuery";
const _RC = "ResultConfiguration";
const _RCCEC = "RemoveCustomerContentEncryptionConfiguration";
const _RCT = "RequestCompletionTime";
const _RCU = "ResultConfigurationUpdates";
const _RDO = "RecursiveDeleteOption";
const _REBO = "RemoveExpectedBucketOwner";
const _REC = "RemoveEncryptionConfiguration";
const _RL = "RowList";
const _RN = "ResourceName";
const _RNFE = "ResourceNotFoundException";
const _ROL = "RemoveOutputLocation";
const _RPE = "RequesterPaysEnabled";
const _RPR = "ReusedPreviousResult";
const _RRBAC = "ResultReuseByAgeConfiguration";
const _RRC = "ResultReuseConfiguration";
const _RRI = "ResultReuseInformation";
const _RS = "ResultSet";
const _RSM = "ResultSetMetadata";
const _RSU = "ResultS3Uri";
const _RSe = "RemoteSources";
const _RT = "ResultType";
const _RTe = "RequestTime";
const _Re = "Retryable";
const _Res = "Result";
const _Ro = "Rows";
const _Row = "Row";
const _S = "State";
const _SAEE = "SessionAlreadyExistsException";
const _SAO = "S3AclOption";
const _SC = "SessionConfiguration";
const _SCE = "StartCalculationExecution";
const _SCER = "StartCalculationExecutionRequest";
const _SCERt = "StartCalculationExecutionResponse";
const _SCERto = "StopCalculationExecutionRequest";
const _SCERtop = "StopCalculationExecutionResponse";
const _SCEt = "StopCalculationExecution";
const _SCR = "StateChangeReason";
const _SDPUS = "SupportedDPUSizes";
const _SDT = "SubmissionDateTime";
const _SDTt = "StartDateTime";
const _SESU = "StdErrorS3Uri";
const _SEV = "SelectedEngineVersion";
const _SF = "StateFilter";
const _SI = "SessionId";
const _SITIM = "SessionIdleTimeoutInMinutes";
const _SIt = "StageId";
const _SL = "SessionsList";
const _SLC = "S3LoggingConfiguration";
const _SM = "StatusMessage";
const _SN = "SchemaName";
const _SNt = "StatementName";
const _SOSU = "StdOutS3Uri";
const _SP = "SparkProperties";
const _SPPTIM = "ServicePreProcessingTimeInMillis";
const _SPTIM = "ServiceProcessingTimeInMillis";
const _SQE = "StartQueryExecution";
const _SQEI = "StartQueryExecutionInput";
const _SQEIt = "StopQueryExecutionInput";
const _SQEO = "StartQueryExecutionOutput";
const _SQEOt = "StopQueryExecutionOutput";
const _SQEt = "StopQueryExecution";
const _SS = "SubStages";
const _SSR = "StartSessionRequest";
const _SSRt = "StartSessionResponse";
const _SSe = "SessionStatistics";
const _SSes = "SessionStatus";
const _SSess = "SessionSummary";
const _SSt = "StartSession";
const _ST = "StatementType";
const _STS = "SystemTableStatus";
const _STSL = "SystemTableStatusList";
const _STSy = "SystemTableStatuses";
const _STu = "SubstatementType";
const _Sc = "Scale";
const _Se = "Sessions";
const _St = "Status";
const _Sta = "Statistics";
const _T = "Type";
const _TD = "TargetDpus";
const _TDT = "TerminationDateTime";
const _TETIM = "TotalExecutionTimeInMillis";
const _TK = "TagKeys";
const _TL = "TagList";
const _TM = "TableMetadata";
const _TML = "TableMetadataList";
const _TMRE = "TooManyRequestsException";
const _TN = "TableName";
const _TR = "TagResource";
const _TRI = "TagResourceInput";
const _TRO = "TagResourceOutput";
const _TS = "TerminateSession";
const _TSR = "TerminateSessionRequest";
const _TSRe = "TerminateSessionResponse";
const _TT = "TableType";
const _Ta = "Tags";
const _Tag = "Tag";
const _Ti = "Timeline";
const _U = "Url";
const _UC = "UpdateCount";
const _UCR = "UpdateCapacityReservation";
const _UCRI = "UpdateCapacityReservationInput";
const _UCRO = "UpdateCapacityReservationOutput";
const _UDC = "UpdateDataCatalog";
const _UDCI = "UpdateDataCatalogInput";
const _UDCO = "UpdateDataCatalogOutput";
const _UN = "UpdateNotebook";
const _UNI = "UpdateNotebookInput";
const _UNM = "UpdateNotebookMetadata";
const _UNMI = "UpdateNotebookMetadataInput";
const _UNMO = "UpdateNotebookMetadataOutput";
const _UNO = "UpdateNotebookOutput";
const _UNQ = "UpdateNamedQuery";
const _UNQI = "UnprocessedNamedQueryIds";
const _UNQIL = "UnprocessedNamedQueryIdList";
const _UNQIn = "UnprocessedNamedQueryId";
const _UNQIp = "UpdateNamedQueryInput";
const _UNQO = "UpdateNamedQueryOutput";
const _UPS = "UpdatePreparedStatement";
const _UPSI = "UpdatePreparedStatementInput";
const _UPSN = "UnprocessedPreparedStatementNames";
const _UPSNL = "UnprocessedPreparedStatementNameList";
const _UPSNn = "UnprocessedPreparedStatementName";
const _UPSO = "UpdatePreparedStatementOutput";
const _UQEI = "UnprocessedQueryExecutionIds";
const _UQEIL = "UnprocessedQueryExecutionIdList";
const _UQEIn = "UnprocessedQueryExecutionId";
const _UR = "UntagResource";
const _URI = "UntagResourceInput";
const _URO = "UntagResourceOutput";
const _USTC = "UpdateSystemTableConfiguration";
const _USTCI = "UpdateSystemTableConfigurationInput";
const _USTCO = "UpdateSystemTableConfigurationOutput";
const _UWG = "UpdateWorkGroup";
const _UWGI = "UpdateWorkGroupInput";
const _UWGO = "UpdateWorkGroupOutput";
const _V = "Value";
const _VCV = "VarCharValue";
const _WD = "WorkingDirectory";
const _WG = "WorkGroup";
const _WGC = "WorkGroupConfiguration";
const _WGCU = "WorkGroupConfigurationUpdates";
const _WGL = "WorkGroupsList";
const _WGN = "WorkGroupNames";
const _WGNo = "WorkGroupName";
const _WGS = "WorkGroupSummary";
const _WGo = "WorkGroups";
const _c = "client";
const _dL = "datumList";
const _e = "error";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.athena";
const _se = "server";
const n0 = "com.amazonaws.athena";
const _s_registry = new TypeRegistry(_s);
var AthenaServiceException$ = [-3, _s, "AthenaServiceException", 0, [], []];
_s_registry.registerError(AthenaServiceException$, AthenaServiceException);
const n0_registry = new TypeRegistry(n0);
var InternalServerException$ = [-3, n0, _ISE,
    { [_e]: _se },
    [_M],
    [0]
];
n0_registry.registerError(InternalServerException$, InternalServerException);
var InvalidRequestException$ = [-3, n0, _IRE,
    { [_e]: _c },
    [_AEC, _M],
    [0, 0]
];
n0_registry.registerError(InvalidRequestException$, InvalidRequestException);
var MetadataException$ = [-3, n0, _ME,
    { [_e]: _c },
    [_M],
    [0]
];
n0_registry.registerError(MetadataException$, MetadataException);
var ResourceNotFoundException$ = [-3, n0, _RNFE,
    { [_e]: _c },
    [_M, _RN],
    [0, 0]
];
n0_registry.registerError(ResourceNotFoundException$, ResourceNotFoundException);
var SessionAlreadyExistsException$ = [-3, n0, _SAEE,
    { [_e]: _c },
    [_M],
    [0]
];
n0_registry.registerError(SessionAlreadyExistsException$, SessionAlreadyExistsException);
var TooManyRequestsException$ = [-3, n0, _TMRE,
    { [_e]: _c },
    [_M, _R],
    [0, 0]
];
n0_registry.registerError(TooManyRequestsException$, TooManyRequestsException);
const errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
var AclConfiguration$ = [3, n0, _AC,
    0,
    [_SAO],
    [0], 1
];
var ApplicationDPUSizes$ = [3, n0, _ADPUS,
    0,
    [_ARI, _SDPUS],
    [0, 64 | 1]
];
var AthenaError$ = [3, n0, _AE,
    0,
    [_EC, _ET, _Re, _EM],
    [1, 1, 2, 0]
];
var BatchGetNamedQueryInput$ = [3, n0, _BGNQI,
    0,
    [_NQI],
    [64 | 0], 1
];
var BatchGetNamedQueryOutput$ = [3, n0, _BGNQO,
    0,
    [_NQ, _UNQI],
    [() => NamedQueryList, () => UnprocessedNamedQueryIdList]
];
var BatchGetPreparedStatementInput$ = [3, n0, _BGPSI,
    0,
    [_PSN, _WG],
    [64 | 0, 0], 2
];
var BatchGetPreparedStatementOutput$ = [3, n0, _BGPSO,
    0,
    [_PS, _UPSN],
    [() => PreparedStatementDetailsList, () => UnprocessedPreparedStatementNameList]
];
var BatchGetQueryExecutionInput$ = [3, n0, _BGQEI,
    0,
    [_QEI],
    [64 | 0], 1
];
var BatchGetQueryExecutionOutput$ = [3, n0, _BGQEO,
    0,
    [_QE, _UQEI],
    [() => QueryExecutionList, () => UnprocessedQueryExecutionIdList]
];
var CalculationConfiguration$ = [3, n0, _CC,
    0,
    [_CB],
    [0]
];
var CalculationResult$ = [3, n0, _CR,
    0,
    [_SOSU, _SESU, _RSU, _RT],
    [0, 0, 0, 0]
];
var CalculationStatistics$ = [3, n0, _CS,
    0,
    [_DEIM, _P],
    [1, 0]
];
var CalculationStatus$ = [3, n0, _CSa,
    0,
    [_SDT, _CDT, _S, _SCR],
    [4, 4, 0, 0]
];
var CalculationSummary$ = [3, n0, _CSal,
    0,
    [_CEI, _D, _St],
    [0, 0, () => CalculationStatus$]
];
var CancelCapacityReservationInput$ = [3, n0, _CCRI,
    0,
    [_N],
    [0], 1
];
var CancelCapacityReservationOutput$ = [3, n0, _CCRO,
    0,
    [],
    []
];
var CapacityAllocation$ = [3, n0, _CA,
    0,
    [_St, _RTe, _SM, _RCT],
    [0, 4, 0, 4], 2
];
var CapacityAssignment$ = [3, n0, _CAa,
    0,
    [_WGN],
    [64 | 0]
];
var CapacityAssignmentConfiguration$ = [3, n0, _CAC,
    0,
    [_CRN, _CAap],
    [0, () => CapacityAssignmentsList]
];
var CapacityReservation$ = [3, n0, _CRa,
    0,
    [_N, _St, _TD, _AD, _CT, _LA, _LSAT],
    [0, 0, 1, 1, 4, () => CapacityAllocation$, 4], 5
];
var Classification$ = [3, n0, _C,
    0,
    [_N, _Pr],
    [0, 128 | 0]
];
var CloudWatchLoggingConfiguration$ = [3, n0, _CWLC,
    0,
    [_E, _LG, _LSNP, _LT],
    [2, 0, 0, [2, n0, _LTM, 0, 0, 64 | 0]], 1
];
var Column$ = [3, n0, _Co,
    0,
    [_N, _T, _Com],
    [0, 0, 0], 1
];
var ColumnInfo$ = [3, n0, _CI,
    0,
    [_N, _T, _CN, _SN, _TN, _L, _Pre, _Sc, _Nu, _CSas],
    [0, 0, 0, 0, 0, 0, 1, 1, 0, 2], 2
];
var CreateCapacityReservationInput$ = [3, n0, _CCRIr,
    0,
    [_TD, _N, _Ta],
    [1, 0, () => TagList], 2
];
var CreateCapacityReservationOutput$ = [3, n0, _CCROr,
    0,
    [],
    []
];
var CreateDataCatalogInput$ = [3, n0, _CDCI,
    0,
    [_N, _T, _D, _Pa, _Ta],
    [0, 0, 0, 128 | 0, () => TagList], 2
];
var CreateDataCatalogOutput$ = [3, n0, _CDCO,
    0,
    [_DC],
    [() => DataCatalog$]
];
var CreateNamedQueryInput$ = [3, n0, _CNQI,
    0,
    [_N, _Da, _QS, _D, _CRT, _WG],
    [0, 0, 0, 0, [0, 4], 0], 3
];
var CreateNamedQueryOutput$ = [3, n0, _CNQO,
    0,
    [_NQIa],
    [0]
];
var CreateNotebookInput$ = [3, n0, _CNI,
    0,
    [_WG, _N, _CRT],
    [0, 0, 0], 2
];
var CreateNotebookOutput$ = [3, n0, _CNO,
    0,
    [_NI],
    [0]
];
var CreatePreparedStatementInput$ = [3, n0, _CPSI,
    0,
    [_SNt, _WG, _QSu, _D],
    [0, 0, 0, 0], 3
];
var CreatePreparedStatementOutput$ = [3, n0, _CPSO,
    0,
    [],
    []
];
var CreatePresignedNotebookUrlRequest$ = [3, n0, _CPNUR,
    0,
    [_SI],
    [0], 1
];
var CreatePresignedNotebookUrlResponse$ = [3, n0, _CPNURr,
    0,
    [_NU, _AT, _ATET],
    [0, 0, 1], 3
];
var CreateSystemTableConfigurationInput$ = [3, n0, _CSTCI,
    0,
    [_TN, _CRT, _KKA, _Ta],
    [0, [0, 4], 0, () => TagList], 1
];
var CreateSystemTableConfigurationOutput$ = [3, n0, _CSTCO,
    0,
    [_TN, _KKA, _CAr, _LMA],
    [0, 0, 4, 4]
];
var CreateWorkGroupInput$ = [3, n0, _CWGI,
    0,
    [_N, _Con, _D, _Ta],
    [0, () => WorkGroupConfiguration$, 0, () => TagList], 1
];
var CreateWorkGroupOutput$ = [3, n0, _CWGO,
    0,
    [],
    []
];
var CustomerContentEncryptionConfiguration$ = [3, n0, _CCEC,
    0,
    [_KK],
    [0], 1
];
var Database$ = [3, n0, _Da,
    0,
    [_N, _D, _Pa],
    [0, 0, 128 | 0], 1
];
var DataCatalog$ = [3, n0, _DC,
    0,
    [_N, _T, _D, _Pa, _St, _CTo, _Er],
    [0, 0, 0, 128 | 0, 0, 0, 0], 2
];
var DataCatalogSummary$ = [3, n0, _DCS,
    0,
    [_CN, _T, _St, _CTo, _Er],
    [0, 0, 0, 0, 0]
];
var Datum$ = [3, n0, _Dat,
    0,
    [_VCV],
    [0]
];
var DeleteCapacityReservationInput$ = [3, n0, _DCRI,
    0,
    [_N],
    [0], 1
];
var DeleteCapacityReservationOutput$ = [3, n0, _DCRO,
    0,
    [],
    []
];
var DeleteDataCatalogInput$ = [3, n0, _DDCI,
    0,
    [_N, _DCO],
    [0, 2], 1
];
var DeleteDataCatalogOutput$ = [3, n0, _DDCO,
    0,
    [_DC],
    [() => DataCatalog$]
];
var DeleteNamedQueryInput$ = [3, n0, _DNQI,
    0,
    [_NQIa],
    [[0, 4]]
];
var DeleteNamedQueryOutput$ = [3, n0, _DNQO,
    0,
    [],
    []
];
var DeleteNotebookInput$ = [3, n0, _DNI,
    0,
    [_NI],
    [0], 1
];
var DeleteNotebookOutput$ = [3, n0, _DNO,
    0,
    [],
    []
];
var DeletePreparedStatementInput$ = [3, n0, _DPSI,
    0,
    [_SNt, _WG],
    [0, 0], 2
];
var DeletePreparedStatementOutput$ = [3, n0, _DPSO,
    0,
    [],
    []
];
var DeleteSystemTableConfigurationInput$ = [3, n0, _DSTCI,
    0,
    [_TN],
    [0], 1
];
var DeleteSystemTableConfigurationOutput$ = [3, n0, _DSTCO,
    0,
    [],
    []
];
var DeleteWorkGroupInput$ = [3, n0, _DWGI,
    0,
    [_WG, _RDO],
    [0, 2], 1
];
var DeleteWorkGroupOutput$ = [3, n0, _DWGO,
    0,
    [],
    []
];
var EncryptionConfiguration$ = [3, n0, _ECn,
    0,
    [_EO, _KK],
    [0, 0], 1
];
var EngineConfiguration$ = [3, n0, _ECng,
    0,
    [_CDS, _MCD, _DEDS, _ACd, _SP, _Cl],
    [1, 1, 1, 128 | 0, 128 | 0, () => ClassificationList]
];
var EngineVersion$ = [3, n0, _EV,
    0,
    [_SEV, _EEV],
    [0, 0]
];
var ExecutorsSummary$ = [3, n0, _ES,
    0,
    [_EI, _ETx, _SDTt, _TDT, _ESx, _ESxe],
    [0, 0, 1, 1, 0, 1], 1
];
var ExportNotebookInput$ = [3, n0, _ENI,
    0,
    [_NI],
    [0], 1
];
var ExportNotebookOutput$ = [3, n0, _ENO,
    0,
    [_NM, _Pay],
    [() => NotebookMetadata$, 0]
];
var FilterDefinition$ = [3, n0, _FD,
    0,
    [_N],
    [0]
];
var GetCalculationExecutionCodeRequest$ = [3, n0, _GCECR,
    0,
    [_CEI],
    [0], 1
];
var GetCalculationExecutionCodeResponse$ = [3, n0, _GCECRe,
    0,
    [_CB],
    [0]
];
var GetCalculationExecutionRequest$ = [3, n0, _GCER,
    0,
    [_CEI],
    [0], 1
];
var GetCalculationExecutionResponse$ = [3, n0, _GCERe,
    0,
    [_CEI, _SI, _D, _WD, _St, _Sta, _Res],
    [0, 0, 0, 0, () => CalculationStatus$, () => CalculationStatistics$, () => CalculationResult$]
];
var GetCalculationExecutionStatusRequest$ = [3, n0, _GCESR,
    0,
    [_CEI],
    [0], 1
];
var GetCalculationExecutionStatusResponse$ = [3, n0, _GCESRe,
    0,
    [_St, _Sta],
    [() => CalculationStatus$, () => CalculationStatistics$]
];
var GetCapacityAssignmentConfigurationInput$ = [3, n0, _GCACI,
    0,
    [_CRN],
    [0], 1
];
var GetCapacityAssignmentConfigurationOutput$ = [3, n0, _GCACO,
    0,
    [_CAC],
    [() => CapacityAssignmentConfiguration$], 1
];
var GetCapacityReservationInput$ = [3, n0, _GCRI,
    0,
    [_N],
    [0], 1
];
var GetCapacityReservationOutput$ = [3, n0, _GCRO,
    0,
    [_CRa],
    [() => CapacityReservation$], 1
];
var GetDatabaseInput$ = [3, n0, _GDI,
    0,
    [_CN, _DN, _WG],
    [0, 0, 0], 2
];
var GetDatabaseOutput$ = [3, n0, _GDO,
    0,
    [_Da],
    [() => Database$]
];
var GetDataCatalogInput$ = [3, n0, _GDCI,
    0,
    [_N, _WG],
    [0, 0], 1
];
var GetDataCatalogOutput$ = [3, n0, _GDCO,
    0,
    [_DC],
    [() => DataCatalog$]
];
var GetNamedQueryInput$ = [3, n0, _GNQI,
    0,
    [_NQIa],
    [0], 1
];
var GetNamedQueryOutput$ = [3, n0, _GNQO,
    0,
    [_NQa],
    [() => NamedQuery$]
];
var GetNotebookMetadataInput$ = [3, n0, _GNMI,
    0,
    [_NI],
    [0], 1
];
var GetNotebookMetadataOutput$ = [3, n0, _GNMO,
    0,
    [_NM],
    [() => NotebookMetadata$]
];
var GetPreparedStatementInput$ = [3, n0, _GPSI,
    0,
    [_SNt, _WG],
    [0, 0], 2
];
var GetPreparedStatementOutput$ = [3, n0, _GPSO,
    0,
    [_PSr],
    [() => PreparedStatement$]
];
var GetQueryExecutionInput$ = [3, n0, _GQEI,
    0,
    [_QEIu],
    [0], 1
];
var GetQueryExecutionOutput$ = [3, n0, _GQEO,
    0,
    [_QEu],
    [() => QueryExecution$]
];
var GetQueryResultsInput$ = [3, n0, _GQRI,
    0,
    [_QEIu, _NT, _MR, _QRT],
    [0, 0, 1, 0], 1
];
var GetQueryResultsOutput$ = [3, n0, _GQRO,
    0,
    [_UC, _RS, _NT],
    [1, () => ResultSet$, 0]
];
var GetQueryRuntimeStatisticsInput$ = [3, n0, _GQRSI,
    0,
    [_QEIu],
    [0], 1
];
var GetQueryRuntimeStatisticsOutput$ = [3, n0, _GQRSO,
    0,
    [_QRS],
    [() => QueryRuntimeStatistics$]
];
var GetResourceDashboardRequest$ = [3, n0, _GRDR,
    0,
    [_RARN],
    [0], 1
];
var GetResourceDashboardResponse$ = [3, n0, _GRDRe,
    0,
    [_U],
    [0], 1
];
var GetSessionEndpointRequest$ = [3, n0, _GSER,
    0,
    [_SI],
    [0], 1
];
var GetSessionEndpointResponse$ = [3, n0, _GSERe,
    0,
    [_EU, _AT, _ATET],
    [0, 0, 4], 3
];
var GetSessionRequest$ = [3, n0, _GSR,
    0,
    [_SI],
    [0], 1
];
var GetSessionResponse$ = [3, n0, _GSRe,
    0,
    [_SI, _D, _WG, _EV, _ECng, _NV, _MC, _SC, _St, _Sta],
    [0, 0, 0, 0, () => EngineConfiguration$, 0, () => MonitoringConfiguration$, () => SessionConfiguration$, () => SessionStatus$, () => SessionStatistics$]
];
var GetSessionStatusRequest$ = [3, n0, _GSSR,
    0,
    [_SI],
    [0], 1
];
var GetSessionStatusResponse$ = [3, n0, _GSSRe,
    0,
    [_SI, _St],
    [0, () => SessionStatus$]
];
var GetSystemTableConfigurationInput$ = [3, n0, _GSTCI,
    0,
    [_TN],
    [0], 1
];
var GetSystemTableConfigurationOutput$ = [3, n0, _GSTCO,
    0,
    [_TN, _KKA, _CAr, _LMA],
    [0, 0, 4, 4]
];
var GetTableMetadataInput$ = [3, n0, _GTMI,
    0,
    [_CN, _DN, _TN, _WG],
    [0, 0, 0, 0], 3
];
var GetTableMetadataOutput$ = [3, n0, _GTMO,
    0,
    [_TM],
    [() => TableMetadata$]
];
var GetWorkGroupInput$ = [3, n0, _GWGI,
    0,
    [_WG],
    [0], 1
];
var GetWorkGroupOutput$ = [3, n0, _GWGO,
    0,
    [_WG],
    [() => WorkGroup$]
];
var IdentityCenterConfiguration$ = [3, n0, _ICC,
    0,
    [_EIC, _ICIA],
    [2, 0]
];
var ImportNotebookInput$ = [3, n0, _INI,
    0,
    [_WG, _N, _T, _Pay, _NSLU, _CRT],
    [0, 0, 0, 0, 0, 0], 3
];
var ImportNotebookOutput$ = [3, n0, _INO,
    0,
    [_NI],
    [0]
];
var ListApplicationDPUSizesInput$ = [3, n0, _LADPUSI,
    0,
    [_MR, _NT],
    [1, 0]
];
var ListApplicationDPUSizesOutput$ = [3, n0, _LADPUSO,
    0,
    [_ADPUS, _NT],
    [() => ApplicationDPUSizesList, 0]
];
var ListCalculationExecutionsRequest$ = [3, n0, _LCER,
    0,
    [_SI, _SF, _MR, _NT],
    [0, 0, 1, 0], 1
];
var ListCalculationExecutionsResponse$ = [3, n0, _LCERi,
    0,
    [_NT, _Ca],
    [0, () => CalculationsList]
];
var ListCapacityReservationsInput$ = [3, n0, _LCRI,
    0,
    [_NT, _MR],
    [0, 1]
];
var ListCapacityReservationsOutput$ = [3, n0, _LCRO,
    0,
    [_CRap, _NT],
    [() => CapacityReservationsList, 0], 1
];
var ListDatabasesInput$ = [3, n0, _LDI,
    0,
    [_CN, _NT, _MR, _WG],
    [0, 0, 1, 0], 1
];
var ListDatabasesOutput$ = [3, n0, _LDO,
    0,
    [_DL, _NT],
    [() => DatabaseList, 0]
];
var ListDataCatalogsInput$ = [3, n0, _LDCI,
    0,
    [_NT, _MR, _WG],
    [0, 1, 0]
];
var ListDataCatalogsOutput$ = [3, n0, _LDCO,
    0,
    [_DCSa, _NT],
    [() => DataCatalogSummaryList, 0]
];
var ListEngineVersionsInput$ = [3, n0, _LEVI,
    0,
    [_NT, _MR],
    [0, 1]
];
var ListEngineVersionsOutput$ = [3, n0, _LEVO,
    0,
    [_EVn, _NT],
    [() => EngineVersionsList, 0]
];
var ListExecutorsRequest$ = [3, n0, _LER,
    0,
    [_SI, _ESF, _MR, _NT],
    [0, 0, 1, 0], 1
];
var ListExecutorsResponse$ = [3, n0, _LERi,
    0,
    [_SI, _NT, _ES],
    [0, 0, () => ExecutorsSummaryList], 1
];
var ListNamedQueriesInput$ = [3, n0, _LNQI,
    0,
    [_NT, _MR, _WG],
    [0, 1, 0]
];
var ListNamedQueriesOutput$ = [3, n0, _LNQO,
    0,
    [_NQI, _NT],
    [64 | 0, 0]
];
var ListNotebookMetadataInput$ = [3, n0, _LNMI,
    0,
    [_WG, _F, _NT, _MR],
    [0, () => FilterDefinition$, 0, 1], 1
];
var ListNotebookMetadataOutput$ = [3, n0, _LNMO,
    0,
    [_NT, _NML],
    [0, () => NotebookMetadataArray]
];
var ListNotebookSessionsRequest$ = [3, n0, _LNSR,
    0,
    [_NI, _MR, _NT],
    [0, 1, 0], 1
];
var ListNotebookSessionsResponse$ = [3, n0, _LNSRi,
    0,
    [_NSL, _NT],
    [() => NotebookSessionsList, 0], 1
];
var ListPreparedStatementsInput$ = [3, n0, _LPSI,
    0,
    [_WG, _NT, _MR],
    [0, 0, 1], 1
];
var ListPreparedStatementsOutput$ = [3, n0, _LPSO,
    0,
    [_PS, _NT],
    [() => PreparedStatementsList, 0]
];
var ListQueryExecutionsInput$ = [3, n0, _LQEI,
    0,
    [_NT, _MR, _WG],
    [0, 1, 0]
];
var ListQueryExecutionsOutput$ = [3, n0, _LQEO,
    0,
    [_QEI, _NT],
    [64 | 0, 0]
];
var ListSessionsRequest$ = [3, n0, _LSR,
    0,
    [_WG, _SF, _MR, _NT],
    [0, 0, 1, 0], 1
];
var ListSessionsResponse$ = [3, n0, _LSRi,
    0,
    [_NT, _Se],
    [0, () => SessionsList]
];
var ListSystemTableStatusesInput$ = [3, n0, _LSTSI,
    0,
    [_NT, _MR],
    [0, 1]
];
var ListSystemTableStatusesOutput$ = [3, n0, _LSTSO,
    0,
    [_I, _NT],
    [() => SystemTableStatusList, 0], 1
];
var ListTableMetadataInput$ = [3, n0, _LTMI,
    0,
    [_CN, _DN, _Ex, _NT, _MR, _WG],
    [0, 0, 0, 0, 1, 0], 2
];
var ListTableMetadataOutput$ = [3, n0, _LTMO,
    0,
    [_TML, _NT],
    [() => TableMetadataList, 0]
];
var ListTagsForResourceInput$ = [3, n0, _LTFRI,
    0,
    [_RARN, _NT, _MR],
    [0, 0, 1], 1
];
var ListTagsForResourceOutput$ = [3, n0, _LTFRO,
    0,
    [_Ta, _NT],
    [() => TagList, 0]
];
var ListWorkGroupsInput$ = [3, n0, _LWGI,
    0,
    [_NT, _MR],
    [0, 1]
];
var ListWorkGroupsOutput$ = [3, n0, _LWGO,
    0,
    [_WGo, _NT],
    [() => WorkGroupsList, 0]
];
var ManagedLoggingConfiguration$ = [3, n0, _MLC,
    0,
    [_E, _KK],
    [2, 0], 1
];
var ManagedQueryResultsConfiguration$ = [3, n0, _MQRC,
    0,
    [_E, _ECn],
    [2, () => ManagedQueryResultsEncryptionConfiguration$], 1
];
var ManagedQueryResultsConfigurationUpdates$ = [3, n0, _MQRCU,
    0,
    [_E, _ECn, _REC],
    [2, () => ManagedQueryResultsEncryptionConfiguration$, 2]
];
var ManagedQueryResultsEncryptionConfiguration$ = [3, n0, _MQREC,
    0,
    [_KK],
    [0], 1
];
var MonitoringConfiguration$ = [3, n0, _MC,
    0,
    [_CWLC, _MLC, _SLC],
    [() => CloudWatchLoggingConfiguration$, () => ManagedLoggingConfiguration$, () => S3LoggingConfiguration$]
];
var NamedQuery$ = [3, n0, _NQa,
    0,
    [_N, _Da, _QS, _D, _NQIa, _WG],
    [0, 0, 0, 0, 0, 0], 3
];
var NotebookMetadata$ = [3, n0, _NM,
    0,
    [_NI, _N, _WG, _CT, _T, _LMT],
    [0, 0, 0, 4, 0, 4]
];
var NotebookSessionSummary$ = [3, n0, _NSS,
    0,
    [_SI, _CT],
    [0, 4]
];
var PreparedStatement$ = [3, n0, _PSr,
    0,
    [_SNt, _QSu, _WGNo, _D, _LMT],
    [0, 0, 0, 0, 4]
];
var PreparedStatementSummary$ = [3, n0, _PSS,
    0,
    [_SNt, _LMT],
    [0, 4]
];
var PutCapacityAssignmentConfigurationInput$ = [3, n0, _PCACI,
    0,
    [_CRN, _CAap],
    [0, () => CapacityAssignmentsList], 2
];
var PutCapacityAssignmentConfigurationOutput$ = [3, n0, _PCACO,
    0,
    [],
    []
];
var QueryExecution$ = [3, n0, _QEu,
    0,
    [_QEIu, _Q, _ST, _MQRC, _RC, _RRC, _QEC, _St, _Sta, _WG, _EV, _EP, _STu, _QRSAGC],
    [0, 0, 0, () => ManagedQueryResultsConfiguration$, () => ResultConfiguration$, () => ResultReuseConfiguration$, () => QueryExecutionContext$, () => QueryExecutionStatus$, () => QueryExecutionStatistics$, 0, () => EngineVersion$, 64 | 0, 0, () => QueryResultsS3AccessGrantsConfiguration$]
];
var QueryExecutionContext$ = [3, n0, _QEC,
    0,
    [_Da, _Cat],
    [0, 0]
];
var QueryExecutionStatistics$ = [3, n0, _QES,
    0,
    [_EETIM, _DSIB, _DML, _TETIM, _QQTIM, _SPPTIM, _QPTIM, _SPTIM, _RRI, _DCp],
    [1, 1, 0, 1, 1, 1, 1, 1, () => ResultReuseInformation$, 1]
];
var QueryExecutionStatus$ = [3, n0, _QESu,
    0,
    [_S, _SCR, _SDT, _CDT, _AE],
    [0, 0, 4, 4, () => AthenaError$]
];
var QueryResultsS3AccessGrantsConfiguration$ = [3, n0, _QRSAGC,
    0,
    [_ESAG, _ATu, _CULP],
    [2, 0, 2], 2
];
var QueryRuntimeStatistics$ = [3, n0, _QRS,
    0,
    [_Ti, _Ro, _OS],
    [() => QueryRuntimeStatisticsTimeline$, () => QueryRuntimeStatisticsRows$, () => QueryStage$]
];
var QueryRuntimeStatisticsRows$ = [3, n0, _QRSR,
    0,
    [_IR, _IB, _OB, _OR],
    [1, 1, 1, 1]
];
var QueryRuntimeStatisticsTimeline$ = [3, n0, _QRST,
    0,
    [_QQTIM, _SPPTIM, _QPTIM, _EETIM, _SPTIM, _TETIM],
    [1, 1, 1, 1, 1, 1]
];
var QueryStage$ = [3, n0, _QSue,
    0,
    [_SIt, _S, _OB, _OR, _IB, _IR, _ETxe, _QSP, _SS],
    [1, 0, 1, 1, 1, 1, 1, () => QueryStagePlanNode$, () => QueryStages]
];
var QueryStagePlanNode$ = [3, n0, _QSPN,
    0,
    [_N, _Id, _Ch, _RSe],
    [0, 0, () => QueryStagePlanNodes, 64 | 0]
];
var ResultConfiguration$ = [3, n0, _RC,
    0,
    [_OL, _ECn, _EBO, _AC],
    [0, () => EncryptionConfiguration$, 0, () => AclConfiguration$]
];
var ResultConfigurationUpdates$ = [3, n0, _RCU,
    0,
    [_OL, _ROL, _ECn, _REC, _EBO, _REBO, _AC, _RAC],
    [0, 2, () => EncryptionConfiguration$, 2, 0, 2, () => AclConfiguration$, 2]
];
var ResultReuseByAgeConfiguration$ = [3, n0, _RRBAC,
    0,
    [_E, _MAIM],
    [2, 1], 1
];
var ResultReuseConfiguration$ = [3, n0, _RRC,
    0,
    [_RRBAC],
    [() => ResultReuseByAgeConfiguration$]
];
var ResultReuseInformation$ = [3, n0, _RRI,
    0,
    [_RPR],
    [2], 1
];
var ResultSet$ = [3, n0, _RS,
    0,
    [_Ro, _RSM],
    [() => RowList, () => ResultSetMetadata$]
];
var ResultSetMetadata$ = [3, n0, _RSM,
    0,
    [_CI],
    [() => ColumnInfoList]
];
var Row$ = [3, n0, _Row,
    0,
    [_Data],
    [() => datumList]
];
var S3LoggingConfiguration$ = [3, n0, _SLC,
    0,
    [_E, _KK, _LL],
    [2, 0, 0], 1
];
var SessionConfiguration$ = [3, n0, _SC,
    0,
    [_ER, _WD, _ITS, _SITIM, _ECn],
    [0, 0, 1, 1, () => EncryptionConfiguration$]
];
var SessionStatistics$ = [3, n0, _SSe,
    0,
    [_DEIM],
    [1]
];
var SessionStatus$ = [3, n0, _SSes,
    0,
    [_SDTt, _LMDT, _EDT, _ISDT, _S, _SCR],
    [4, 4, 4, 4, 0, 0]
];
var SessionSummary$ = [3, n0, _SSess,
    0,
    [_SI, _D, _EV, _NV, _St],
    [0, 0, () => EngineVersion$, 0, () => SessionStatus$]
];
var StartCalculationExecutionRequest$ = [3, n0, _SCER,
    0,
    [_SI, _D, _CC, _CB, _CRT],
    [0, 0, () => CalculationConfiguration$, 0, 0], 1
];
var StartCalculationExecutionResponse$ = [3, n0, _SCERt,
    0,
    [_CEI, _S],
    [0, 0]
];
var StartQueryExecutionInput$ = [3, n0, _SQEI,
    0,
    [_QS, _CRT, _QEC, _RC, _WG, _EP, _RRC, _ECng],
    [0, [0, 4], () => QueryExecutionContext$, () => ResultConfiguration$, 0, 64 | 0, () => ResultReuseConfiguration$, () => EngineConfiguration$], 1
];
var StartQueryExecutionOutput$ = [3, n0, _SQEO,
    0,
    [_QEIu],
    [0]
];
var StartSessionRequest$ = [3, n0, _SSR,
    0,
    [_WG, _ECng, _D, _ER, _MC, _NV, _SITIM, _CRT, _Ta, _CWGT],
    [0, () => EngineConfiguration$, 0, 0, () => MonitoringConfiguration$, 0, 1, 0, () => TagList, 2], 2
];
var StartSessionResponse$ = [3, n0, _SSRt,
    0,
    [_SI, _S],
    [0, 0]
];
var StopCalculationExecutionRequest$ = [3, n0, _SCERto,
    0,
    [_CEI],
    [0], 1
];
var StopCalculationExecutionResponse$ = [3, n0, _SCERtop,
    0,
    [_S],
    [0]
];
var StopQueryExecutionInput$ = [3, n0, _SQEIt,
    0,
    [_QEIu],
    [[0, 4]]
];
var StopQueryExecutionOutput$ = [3, n0, _SQEOt,
    0,
    [],
    []
];
var SystemTableStatus$ = [3, n0, _STS,
    0,
    [_TN, _E],
    [0, 2], 2
];
var TableMetadata$ = [3, n0, _TM,
    0,
    [_N, _CTr, _LAT, _TT, _Col, _PK, _Pa],
    [0, 4, 4, 0, () => ColumnList, () => ColumnList, 128 | 0], 1
];
var Tag$ = [3, n0, _Tag,
    0,
    [_K, _V],
    [0, 0]
];
var TagResourceInput$ = [3, n0, _TRI,
    0,
    [_RARN, _Ta],
    [0, () => TagList], 2
];
var TagResourceOutput$ = [3, n0, _TRO,
    0,
    [],
    []
];
var TerminateSessionRequest$ = [3, n0, _TSR,
    0,
    [_SI],
    [0], 1
];
var TerminateSessionResponse$ = [3, n0, _TSRe,
    0,
    [_S],
    [0]
];
var UnprocessedNamedQueryId$ = [3, n0, _UNQIn,
    0,
    [_NQIa, _ECr, _EM],
    [0, 0, 0]
];
var UnprocessedPreparedStatementName$ = [3, n0, _UPSNn,
    0,
    [_SNt, _ECr, _EM],
    [0, 0, 0]
];
var UnprocessedQueryExecutionId$ = [3, n0, _UQEIn,
    0,
    [_QEIu, _ECr, _EM],
    [0, 0, 0]
];
var UntagResourceInput$ = [3, n0, _URI,
    0,
    [_RARN, _TK],
    [0, 64 | 0], 2
];
var UntagResourceOutput$ = [3, n0, _URO,
    0,
    [],
    []
];
var UpdateCapacityReservationInput$ = [3, n0, _UCRI,
    0,
    [_TD, _N],
    [1, 0], 2
];
var UpdateCapacityReservationOutput$ = [3, n0, _UCRO,
    0,
    [],
    []
];
var UpdateDataCatalogInput$ = [3, n0, _UDCI,
    0,
    [_N, _T, _D, _Pa],
    [0, 0, 0, 128 | 0], 2
];
var UpdateDataCatalogOutput$ = [3, n0, _UDCO,
    0,
    [],
    []
];
var UpdateNamedQueryInput$ = [3, n0, _UNQIp,
    0,
    [_NQIa, _N, _QS, _D],
    [0, 0, 0, 0], 3
];
var UpdateNamedQueryOutput$ = [3, n0, _UNQO,
    0,
    [],
    []
];
var UpdateNotebookInput$ = [3, n0, _UNI,
    0,
    [_NI, _Pay, _T, _SI, _CRT],
    [0, 0, 0, 0, 0], 3
];
var UpdateNotebookMetadataInput$ = [3, n0, _UNMI,
    0,
    [_NI, _N, _CRT],
    [0, 0, 0], 2
];
var UpdateNotebookMetadataOutput$ = [3, n0, _UNMO,
    0,
    [],
    []
];
var UpdateNotebookOutput$ = [3, n0, _UNO,
    0,
    [],
    []
];
var UpdatePreparedStatementInput$ = [3, n0, _UPSI,
    0,
    [_SNt, _WG, _QSu, _D],
    [0, 0, 0, 0], 3
];
var UpdatePreparedStatementOutput$ = [3, n0, _UPSO,
    0,
    [],
    []
];
var UpdateSystemTableConfigurationInput$ = [3, n0, _USTCI,
    0,
    [_TN, _KKA],
    [0, 0], 1
];
var UpdateSystemTableConfigurationOutput$ = [3, n0, _USTCO,
    0,
    [_TN, _KKA, _CAr, _LMA],
    [0, 0, 4, 4]
];
var UpdateWorkGroupInput$ = [3, n0, _UWGI,
    0,
    [_WG, _D, _CU, _S],
    [0, 0, () => WorkGroupConfigurationUpdates$, 0], 1
];
var UpdateWorkGroupOutput$ = [3, n0, _UWGO,
    0,
    [],
    []
];
var WorkGroup$ = [3, n0, _WG,
    0,
    [_N, _S, _Con, _D, _CT, _ICAA],
    [0, 0, () => WorkGroupConfiguration$, 0, 4, 0], 1
];
var WorkGroupConfiguration$ = [3, n0, _WGC,
    0,
    [_RC, _MQRC, _EWGC, _PCWME, _BSCPQ, _RPE, _EV, _ACdd, _ER, _MC, _ECng, _CCEC, _EMEC, _ICC, _QRSAGC, _STSy],
    [() => ResultConfiguration$, () => ManagedQueryResultsConfiguration$, 2, 2, 1, 2, () => EngineVersion$, 0, 0, () => MonitoringConfiguration$, () => EngineConfiguration$, () => CustomerContentEncryptionConfiguration$, 2, () => IdentityCenterConfiguration$, () => QueryResultsS3AccessGrantsConfiguration$, () => SystemTableStatusList]
];
var WorkGroupConfigurationUpdates$ = [3, n0, _WGCU,
    0,
    [_EWGC, _RCU, _MQRCU, _PCWME, _BSCPQ, _RBSCPQ, _RPE, _EV, _RCCEC, _ACdd, _ER, _CCEC, _EMEC, _QRSAGC, _MC, _ECng],
    [2, () => ResultConfigurationUpdates$, () => ManagedQueryResultsConfigurationUpdates$, 2, 1, 2, 2, () => EngineVersion$, 2, 0, 0, () => CustomerContentEncryptionConfiguration$, 2, () => QueryResultsS3AccessGrantsConfiguration$, () => MonitoringConfiguration$, () => EngineConfiguration$]
];
var WorkGroupSummary$ = [3, n0, _WGS,
    0,
    [_N, _S, _D, _CT, _EV, _ICAA],
    [0, 0, 0, 4, () => EngineVersion$, 0]
];
var ApplicationDPUSizesList = [1, n0, _ADPUSL,
    0, () => ApplicationDPUSizes$
];
var CalculationsList = [1, n0, _CL,
    0, () => CalculationSummary$
];
var CapacityAssignmentsList = [1, n0, _CAL,
    0, () => CapacityAssignment$
];
var CapacityReservationsList = [1, n0, _CRL,
    0, () => CapacityReservation$
];
var ClassificationList = [1, n0, _CLl,
    0, () => Classification$
];
var ColumnInfoList = [1, n0, _CIL,
    0, () => ColumnInfo$
];
var ColumnList = [1, n0, _CLo,
    0, () => Column$
];
var DatabaseList = [1, n0, _DL,
    0, () => Database$
];
var DataCatalogSummaryList = [1, n0, _DCSL,
    0, () => DataCatalogSummary$
];
var datumList = [1, n0, _dL,
    0, () => Datum$
];
var EngineVersionsList = [1, n0, _EVL,
    0, () => EngineVersion$
];
var ExecutorsSummaryList = [1, n0, _ESL,
    0, () => ExecutorsSummary$
];
var NamedQueryList = [1, n0, _NQL,
    0, () => NamedQuery$
];
var NotebookMetadataArray = [1, n0, _NMA,
    0, () => NotebookMetadata$
];
var NotebookSessionsList = [1, n0, _NSL,
    0, () => NotebookSessionSummary$
];
var PreparedStatementDetailsList = [1, n0, _PSDL,
    0, () => PreparedStatement$
];
var PreparedStatementsList = [1, n0, _PSL,
    0, () => PreparedStatementSummary$
];
var QueryExecutionList = [1, n0, _QEL,
    0, () => QueryExecution$
];
var QueryStagePlanNodes = [1, n0, _QSPNu,
    0, () => QueryStagePlanNode$
];
var QueryStages = [1, n0, _QSuer,
    0, () => QueryStage$
];
var RowList = [1, n0, _RL,
    0, () => Row$
];
var SessionsList = [1, n0, _SL,
    0, () => SessionSummary$
];
var SystemTableStatusList = [1, n0, _STSL,
    0, () => SystemTableStatus$
];
var TableMetadataList = [1, n0, _TML,
    0, () => TableMetadata$
];
var TagList = [1, n0, _TL,
    0, () => Tag$
];
var UnprocessedNamedQueryIdList = [1, n0, _UNQIL,
    0, () => UnprocessedNamedQueryId$
];
var UnprocessedPreparedStatementNameList = [1, n0, _UPSNL,
    0, () => UnprocessedPreparedStatementName$
];
var UnprocessedQueryExecutionIdList = [1, n0, _UQEIL,
    0, () => UnprocessedQueryExecutionId$
];
var WorkGroupsList = [1, n0, _WGL,
    0, () => WorkGroupSummary$
];
var BatchGetNamedQuery$ = [9, n0, _BGNQ,
    0, () => BatchGetNamedQueryInput$, () => BatchGetNamedQueryOutput$
];
var BatchGetPreparedStatement$ = [9, n0, _BGPS,
    0, () => BatchGetPreparedStatementInput$, () => BatchGetPreparedStatementOutput$
];
var BatchGetQueryExecution$ = [9, n0, _BGQE,
    0, () => BatchGetQueryExecutionInput$, () => BatchGetQueryExecutionOutput$
];
var CancelCapacityReservation$ = [9, n0, _CCR,
    2, () => CancelCapacityReservationInput$, () => CancelCapacityReservationOutput$
];
var CreateCapacityReservation$ = [9, n0, _CCRr,
    2, () => CreateCapacityReservationInput$, () => CreateCapacityReservationOutput$
];
var CreateDataCatalog$ = [9, n0, _CDC,
    0, () => CreateDataCatalogInput$, () => CreateDataCatalogOutput$
];
var CreateNamedQuery$ = [9, n0, _CNQ,
    2, () => CreateNamedQueryInput$, () => CreateNamedQueryOutput$
];
var CreateNotebook$ = [9, n0, _CNr,
    0, () => CreateNotebookInput$, () => CreateNotebookOutput$
];
var CreatePreparedStatement$ = [9, n0, _CPS,
    0, () => CreatePreparedStatementInput$, () => CreatePreparedStatementOutput$
];
var CreatePresignedNotebookUrl$ = [9, n0, _CPNU,
    0, () => CreatePresignedNotebookUrlRequest$, () => CreatePresignedNotebookUrlResponse$
];
var CreateSystemTableConfiguration$ = [9, n0, _CSTC,
    0, () => CreateSystemTableConfigurationInput$, () => CreateSystemTableConfigurationOutput$
];
var CreateWorkGroup$ = [9, n0, _CWG,
    0, () => CreateWorkGroupInput$, () => CreateWorkGroupOutput$
];
var DeleteCapacityReservation$ = [9, n0, _DCR,
    2, () => DeleteCapacityReservationInput$, () => DeleteCapacityReservationOutput$
];
var DeleteDataCatalog$ = [9, n0, _DDC,
    0, () => DeleteDataCatalogInput$, () => DeleteDataCatalogOutput$
];
var DeleteNamedQuery$ = [9, n0, _DNQ,
    2, () => DeleteNamedQueryInput$, () => DeleteNamedQueryOutput$
];
var DeleteNotebook$ = [9, n0, _DNe,
    0, () => DeleteNotebookInput$, () => DeleteNotebookOutput$
];
var DeletePreparedStatement$ = [9, n0, _DPS,
    0, () => DeletePreparedStatementInput$, () => DeletePreparedStatementOutput$
];
var DeleteSystemTableConfiguration$ = [9, n0, _DSTC,
    2, () => DeleteSystemTableConfigurationInput$, () => DeleteSystemTableConfigurationOutput$
];
var DeleteWorkGroup$ = [9, n0, _DWG,
    2, () => DeleteWorkGroupInput$, () => DeleteWorkGroupOutput$
];
var ExportNotebook$ = [9, n0, _EN,
    0, () => ExportNotebookInput$, () => ExportNotebookOutput$
];
var GetCalculationExecution$ = [9, n0, _GCE,
    0, () => GetCalculationExecutionRequest$, () => GetCalculationExecutionResponse$
];
var GetCalculationExecutionCode$ = [9, n0, _GCEC,
    0, () => GetCalculationExecutionCodeRequest$, () => GetCalculationExecutionCodeResponse$
];
var GetCalculationExecutionStatus$ = [9, n0, _GCES,
    0, () => GetCalculationExecutionStatusRequest$, () => GetCalculationExecutionStatusResponse$
];
var GetCapacityAssignmentConfiguration$ = [9, n0, _GCAC,
    0, () => GetCapacityAssignmentConfigurationInput$, () => GetCapacityAssignmentConfigurationOutput$
];
var GetCapacityReservation$ = [9, n0, _GCR,
    0, () => GetCapacityReservationInput$, () => GetCapacityReservationOutput$
];
var GetDatabase$ = [9, n0, _GD,
    0, () => GetDatabaseInput$, () => GetDatabaseOutput$
];
var GetDataCatalog$ = [9, n0, _GDC,
    0, () => GetDataCatalogInput$, () => GetDataCatalogOutput$
];
var GetNamedQuery$ = [9, n0, _GNQ,
    0, () => GetNamedQueryInput$, () => GetNamedQueryOutput$
];
var GetNotebookMetadata$ = [9, n0, _GNM,
    0, () => GetNotebookMetadataInput$, () => GetNotebookMetadataOutput$
];
var GetPreparedStatement$ = [9, n0, _GPS,
    0, () => GetPreparedStatementInput$, () => GetPreparedStatementOutput$
];
var GetQueryExecution$ = [9, n0, _GQE,
    0, () => GetQueryExecutionInput$, () => GetQueryExecutionOutput$
];
var GetQueryResults$ = [9, n0, _GQR,
    0, () => GetQueryResultsInput$, () => GetQueryResultsOutput$
];
var GetQueryRuntimeStatistics$ = [9, n0, _GQRS,
    0, () => GetQueryRuntimeStatisticsInput$, () => GetQueryRuntimeStatisticsOutput$
];
var GetResourceDashboard$ = [9, n0, _GRD,
    0, () => GetResourceDashboardRequest$, () => GetResourceDashboardResponse$
];
var GetSession$ = [9, n0, _GS,
    0, () => GetSessionRequest$, () => GetSessionResponse$
];
var GetSessionEndpoint$ = [9, n0, _GSE,
    0, () => GetSessionEndpointRequest$, () => GetSessionEndpointResponse$
];
var GetSessionStatus$ = [9, n0, _GSS,
    0, () => GetSessionStatusRequest$, () => GetSessionStatusResponse$
];
var GetSystemTableConfiguration$ = [9, n0, _GSTC,
    0, () => GetSystemTableConfigurationInput$, () => GetSystemTableConfigurationOutput$
];
var GetTableMetadata$ = [9, n0, _GTM,
    0, () => GetTableMetadataInput$, () => GetTableMetadataOutput$
];
var GetWorkGroup$ = [9, n0, _GWG,
    0, () => GetWorkGroupInput$, () => GetWorkGroupOutput$
];
var ImportNotebook$ = [9, n0, _IN,
    0, () => ImportNotebookInput$, () => ImportNotebookOutput$
];
var ListApplicationDPUSizes$ = [9, n0, _LADPUS,
    0, () => ListApplicationDPUSizesInput$, () => ListApplicationDPUSizesOutput$
];
var ListCalculationExecutions$ = [9, n0, _LCE,
    0, () => ListCalculationExecutionsRequest$, () => ListCalculationExecutionsResponse$
];
var ListCapacityReservations$ = [9, n0, _LCR,
    0, () => ListCapacityReservationsInput$, () => ListCapacityReservationsOutput$
];
var ListDatabases$ = [9, n0, _LD,
    0, () => ListDatabasesInput$, () => ListDatabasesOutput$
];
var ListDataCatalogs$ = [9, n0, _LDC,
    0, () => ListDataCatalogsInput$, () => ListDataCatalogsOutput$
];
var ListEngineVersions$ = [9, n0, _LEV,
    0, () => ListEngineVersionsInput$, () => ListEngineVersionsOutput$
];
var ListExecutors$ = [9, n0, _LE,
    0, () => ListExecutorsRequest$, () => ListExecutorsResponse$
];
var ListNamedQueries$ = [9, n0, _LNQ,
    0, () => ListNamedQueriesInput$, () => ListNamedQueriesOutput$
];
var ListNotebookMetadata$ = [9, n0, _LNM,
    0, () => ListNotebookMetadataInput$, () => ListNotebookMetadataOutput$
];
var ListNotebookSessions$ = [9, n0, _LNS,
    0, () => ListNotebookSessionsRequest$, () => ListNotebookSessionsResponse$
];
var ListPreparedStatements$ = [9, n0, _LPS,
    0, () => ListPreparedStatementsInput$, () => ListPreparedStatementsOutput$
];
var ListQueryExecutions$ = [9, n0, _LQE,
    0, () => ListQueryExecutionsInput$, () => ListQueryExecutionsOutput$
];
var ListSessions$ = [9, n0, _LS,
    0, () => ListSessionsRequest$, () => ListSessionsResponse$
];
var ListSystemTableStatuses$ = [9, n0, _LSTS,
    0, () => ListSystemTableStatusesInput$, () => ListSystemTableStatusesOutput$
];
var ListTableMetadata$ = [9, n0, _LTMi,
    0, () => ListTableMetadataInput$, () => ListTableMetadataOutput$
];
var ListTagsForResource$ = [9, n0, _LTFR,
    0, () => ListTagsForResourceInput$, () => ListTagsForResourceOutput$
];
var ListWorkGroups$ = [9, n0, _LWG,
    0, () => ListWorkGroupsInput$, () => ListWorkGroupsOutput$
];
var PutCapacityAssignmentConfiguration$ = [9, n0, _PCAC,
    2, () => PutCapacityAssignmentConfigurationInput$, () => PutCapacityAssignmentConfigurationOutput$
];
var StartCalculationExecution$ = [9, n0, _SCE,
    0, () => StartCalculationExecutionRequest$, () => StartCalculationExecutionResponse$
];
var StartQueryExecution$ = [9, n0, _SQE,
    2, () => StartQueryExecutionInput$, () => StartQueryExecutionOutput$
];
var StartSession$ = [9, n0, _SSt,
    0, () => StartSessionRequest$, () => StartSessionResponse$
];
var StopCalculationExecution$ = [9, n0, _SCEt,
    0, () => StopCalculationExecutionRequest$, () => StopCalculationExecutionResponse$
];
var StopQueryExecution$ = [9, n0, _SQEt,
    2, () => StopQueryExecutionInput$, () => StopQueryExecutionOutput$
];
var TagResource$ = [9, n0, _TR,
    0, () => TagResourceInput$, () => TagResourceOutput$
];
var TerminateSession$ = [9, n0, _TS,
    0, () => TerminateSessionRequest$, () => TerminateSessionResponse$
];
var UntagResource$ = [9, n0, _UR,
    0, () => UntagResourceInput$, () => UntagResourceOutput$
];
var UpdateCapacityReservation$ = [9, n0, _UCR,
    0, () => UpdateCapacityReservationInput$, () => UpdateCapacityReservationOutput$
];
var UpdateDataCatalog$ = [9, n0, _UDC,
    0, () => UpdateDataCatalogInput$, () => UpdateDataCatalogOutput$
];
var UpdateNamedQuery$ = [9, n0, _UNQ,
    2, () => UpdateNamedQueryInput$, () => UpdateNamedQueryOutput$
];
var UpdateNotebook$ = [9, n0, _UN,
    0, () => UpdateNotebookInput$, () => UpdateNotebookOutput$
];
var UpdateNotebookMetadata$ = [9, n0, _UNM,
    0, () => UpdateNotebookMetadataInput$, () => UpdateNotebookMetadataOutput$
];
var UpdatePreparedStatement$ = [9, n0, _UPS,
    0, () => UpdatePreparedStatementInput$, () => UpdatePreparedStatementOutput$
];
var UpdateSystemTableConfiguration$ = [9, n0, _USTC,
    2, () => UpdateSystemTableConfigurationInput$, () => UpdateSystemTableConfigurationOutput$
];
var UpdateWorkGroup$ = [9, n0, _UWG,
    0, () => UpdateWorkGroupInput$, () => UpdateWorkGroupOutput$
];

const getRuntimeConfig$1 = (config) => {
    return {
        apiVersion: "2017-05-18",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultAthenaHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new NoOpLogger(),
        protocol: config?.protocol ?? AwsJson1_1Protocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.athena",
            errorTypeRegistries,
            version: "2017-05-18",
            serviceTarget: "AmazonAthena",
        },
        serviceId: config?.serviceId ?? "Athena",
        sha256: config?.sha256 ?? Sha256,
        urlParser: config?.urlParser ?? parseUrl,
        utf8Decoder: config?.utf8Decoder ?? fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? toUtf8,
    };
};

const getRuntimeConfig = (config) => {
    emitWarningIfUnsupportedVersion(process.version);
    const defaultsMode = resolveDefaultsModeConfig(config);
    const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
    const clientSharedValues = getRuntimeConfig$1(config);
    emitWarningIfUnsupportedVersion$1(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
        defaultSocketTimeout: getDefaultSocketTimeout(config?.requestHandler, 900_000),
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: packageInfo.version }),
        maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            loadConfig({
                ...NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE,
            }, config),
        streamCollector: config?.streamCollector ?? streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};

const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

class AthenaClient extends Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = resolveUserAgentConfig(_config_1);
        const _config_3 = resolveRetryConfig(_config_2);
        const _config_4 = resolveRegionConfig(_config_3);
        const _config_5 = resolveHostHeaderConfig(_config_4);
        const _config_6 = resolveEndpointConfig(_config_5);
        const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use(getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(getUserAgentPlugin(this.config));
        this.middlewareStack.use(getRetryPlugin(this.config));
        this.middlewareStack.use(getContentLengthPlugin(this.config));
        this.middlewareStack.use(getHostHeaderPlugin(this.config));
        this.middlewareStack.use(getLoggerPlugin(this.config));
        this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
            httpAuthSchemeParametersProvider: defaultAthenaHttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use(getHttpSigningPlugin(this.config));
    }
    destroy() {
        super.destroy();
    }
}

const command = makeBuilder(commonParams, "AmazonAthena", "AthenaClient", getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

class BatchGetNamedQueryCommand extends command(_ep0, _mw0, "BatchGetNamedQuery", BatchGetNamedQuery$) {
}

class BatchGetPreparedStatementCommand extends command(_ep0, _mw0, "BatchGetPreparedStatement", BatchGetPreparedStatement$) {
}

class BatchGetQueryExecutionCommand extends command(_ep0, _mw0, "BatchGetQueryExecution", BatchGetQueryExecution$) {
}

class CancelCapacityReservationCommand extends command(_ep0, _mw0, "CancelCapacityReservation", CancelCapacityReservation$) {
}

class CreateCapacityReservationCommand extends command(_ep0, _mw0, "CreateCapacityReservation", CreateCapacityReservation$) {
}

class CreateDataCatalogCommand extends command(_ep0, _mw0, "CreateDataCatalog", CreateDataCatalog$) {
}

class CreateNamedQueryCommand extends command(_ep0, _mw0, "CreateNamedQuery", CreateNamedQuery$) {
}

class CreateNotebookCommand extends command(_ep0, _mw0, "CreateNotebook", CreateNotebook$) {
}

class CreatePreparedStatementCommand extends command(_ep0, _mw0, "CreatePreparedStatement", CreatePreparedStatement$) {
}

class CreatePresignedNotebookUrlCommand extends command(_ep0, _mw0, "CreatePresignedNotebookUrl", CreatePresignedNotebookUrl$) {
}

class CreateSystemTableConfigurationCommand extends command(_ep0, _mw0, "CreateSystemTableConfiguration", CreateSystemTableConfiguration$) {
}

class CreateWorkGroupCommand extends command(_ep0, _mw0, "CreateWorkGroup", CreateWorkGroup$) {
}

class DeleteCapacityReservationCommand extends command(_ep0, _mw0, "DeleteCapacityReservation", DeleteCapacityReservation$) {
}

class DeleteDataCatalogCommand extends command(_ep0, _mw0, "DeleteDataCatalog", DeleteDataCatalog$) {
}

class DeleteNamedQueryCommand extends command(_ep0, _mw0, "DeleteNamedQuery", DeleteNamedQuery$) {
}

class DeleteNotebookCommand extends command(_ep0, _mw0, "DeleteNotebook", DeleteNotebook$) {
}

class DeletePreparedStatementCommand extends command(_ep0, _mw0, "DeletePreparedStatement", DeletePreparedStatement$) {
}

class DeleteSystemTableConfigurationCommand extends command(_ep0, _mw0, "DeleteSystemTableConfiguration", DeleteSystemTableConfiguration$) {
}

class DeleteWorkGroupCommand extends command(_ep0, _mw0, "DeleteWorkGroup", DeleteWorkGroup$) {
}

class ExportNotebookCommand extends command(_ep0, _mw0, "ExportNotebook", ExportNotebook$) {
}

class GetCalculationExecutionCodeCommand extends command(_ep0, _mw0, "GetCalculationExecutionCode", GetCalculationExecutionCode$) {
}

class GetCalculationExecutionCommand extends command(_ep0, _mw0, "GetCalculationExecution", GetCalculationExecution$) {
}

class GetCalculationExecutionStatusCommand extends command(_ep0, _mw0, "GetCalculationExecutionStatus", GetCalculationExecutionStatus$) {
}

class GetCapacityAssignmentConfigurationCommand extends command(_ep0, _mw0, "GetCapacityAssignmentConfiguration", GetCapacityAssignmentConfiguration$) {
}

class GetCapacityReservationCommand extends command(_ep0, _mw0, "GetCapacityReservation", GetCapacityReservation$) {
}

class GetDatabaseCommand extends command(_ep0, _mw0, "GetDatabase", GetDatabase$) {
}

class GetDataCatalogCommand extends command(_ep0, _mw0, "GetDataCatalog", GetDataCatalog$) {
}

class GetNamedQueryCommand extends command(_ep0, _mw0, "GetNamedQuery", GetNamedQuery$) {
}

class GetNotebookMetadataCommand extends command(_ep0, _mw0, "GetNotebookMetadata", GetNotebookMetadata$) {
}

class GetPreparedStatementCommand extends command(_ep0, _mw0, "GetPreparedStatement", GetPreparedStatement$) {
}

class GetQueryExecutionCommand extends command(_ep0, _mw0, "GetQueryExecution", GetQueryExecution$) {
}

class GetQueryResultsCommand extends command(_ep0, _mw0, "GetQueryResults", GetQueryResults$) {
}

class GetQueryRuntimeStatisticsCommand extends command(_ep0, _mw0, "GetQueryRuntimeStatistics", GetQueryRuntimeStatistics$) {
}

class GetResourceDashboardCommand extends command(_ep0, _mw0, "GetResourceDashboard", GetResourceDashboard$) {
}

class GetSessionCommand extends command(_ep0, _mw0, "GetSession", GetSession$) {
}

class GetSessionEndpointCommand extends command(_ep0, _mw0, "GetSessionEndpoint", GetSessionEndpoint$) {
}

class GetSessionStatusCommand extends command(_ep0, _mw0, "GetSessionStatus", GetSessionStatus$) {
}

class GetSystemTableConfigurationCommand extends command(_ep0, _mw0, "GetSystemTableConfiguration", GetSystemTableConfiguration$) {
}

class GetTableMetadataCommand extends command(_ep0, _mw0, "GetTableMetadata", GetTableMetadata$) {
}

class GetWorkGroupCommand extends command(_ep0, _mw0, "GetWorkGroup", GetWorkGroup$) {
}

class ImportNotebookCommand extends command(_ep0, _mw0, "ImportNotebook", ImportNotebook$) {
}

class ListApplicationDPUSizesCommand extends command(_ep0, _mw0, "ListApplicationDPUSizes", ListApplicationDPUSizes$) {
}

class ListCalculationExecutionsCommand extends command(_ep0, _mw0, "ListCalculationExecutions", ListCalculationExecutions$) {
}

class ListCapacityReservationsCommand extends command(_ep0, _mw0, "ListCapacityReservations", ListCapacityReservations$) {
}

class ListDatabasesCommand extends command(_ep0, _mw0, "ListDatabases", ListDatabases$) {
}

class ListDataCatalogsCommand extends command(_ep0, _mw0, "ListDataCatalogs", ListDataCatalogs$) {
}

class ListEngineVersionsCommand extends command(_ep0, _mw0, "ListEngineVersions", ListEngineVersions$) {
}

class ListExecutorsCommand extends command(_ep0, _mw0, "ListExecutors", ListExecutors$) {
}

class ListNamedQueriesCommand extends command(_ep0, _mw0, "ListNamedQueries", ListNamedQueries$) {
}

class ListNotebookMetadataCommand extends command(_ep0, _mw0, "ListNotebookMetadata", ListNotebookMetadata$) {
}

class ListNotebookSessionsCommand extends command(_ep0, _mw0, "ListNotebookSessions", ListNotebookSessions$) {
}

class ListPreparedStatementsCommand extends command(_ep0, _mw0, "ListPreparedStatements", ListPreparedStatements$) {
}

class ListQueryExecutionsCommand extends command(_ep0, _mw0, "ListQueryExecutions", ListQueryExecutions$) {
}

class ListSessionsCommand extends command(_ep0, _mw0, "ListSessions", ListSessions$) {
}

class ListSystemTableStatusesCommand extends command(_ep0, _mw0, "ListSystemTableStatuses", ListSystemTableStatuses$) {
}

class ListTableMetadataCommand extends command(_ep0, _mw0, "ListTableMetadata", ListTableMetadata$) {
}

class ListTagsForResourceCommand extends command(_ep0, _mw0, "ListTagsForResource", ListTagsForResource$) {
}

class ListWorkGroupsCommand extends command(_ep0, _mw0, "ListWorkGroups", ListWorkGroups$) {
}

class PutCapacityAssignmentConfigurationCommand extends command(_ep0, _mw0, "PutCapacityAssignmentConfiguration", PutCapacityAssignmentConfiguration$) {
}

class StartCalculationExecutionCommand extends command(_ep0, _mw0, "StartCalculationExecution", StartCalculationExecution$) {
}

class StartQueryExecutionCommand extends command(_ep0, _mw0, "StartQueryExecution", StartQueryExecution$) {
}

class StartSessionCommand extends command(_ep0, _mw0, "StartSession", StartSession$) {
}

class StopCalculationExecutionCommand extends command(_ep0, _mw0, "StopCalculationExecution", StopCalculationExecution$) {
}

class StopQueryExecutionCommand extends command(_ep0, _mw0, "StopQueryExecution", StopQueryExecution$) {
}

class TagResourceCommand extends command(_ep0, _mw0, "TagResource", TagResource$) {
}

class TerminateSessionCommand extends command(_ep0, _mw0, "TerminateSession", TerminateSession$) {
}

class UntagResourceCommand extends command(_ep0, _mw0, "UntagResource", UntagResource$) {
}

class UpdateCapacityReservationCommand extends command(_ep0, _mw0, "UpdateCapacityReservation", UpdateCapacityReservation$) {
}

class UpdateDataCatalogCommand extends command(_ep0, _mw0, "UpdateDataCatalog", UpdateDataCatalog$) {
}

class UpdateNamedQueryCommand extends command(_ep0, _mw0, "UpdateNamedQuery", UpdateNamedQuery$) {
}

class UpdateNotebookCommand extends command(_ep0, _mw0, "UpdateNotebook", UpdateNotebook$) {
}

class UpdateNotebookMetadataCommand extends command(_ep0, _mw0, "UpdateNotebookMetadata", UpdateNotebookMetadata$) {
}

class UpdatePreparedStatementCommand extends command(_ep0, _mw0, "UpdatePreparedStatement", UpdatePreparedStatement$) {
}

class UpdateSystemTableConfigurationCommand extends command(_ep0, _mw0, "UpdateSystemTableConfiguration", UpdateSystemTableConfiguration$) {
}

class UpdateWorkGroupCommand extends command(_ep0, _mw0, "UpdateWorkGroup", UpdateWorkGroup$) {
}

const paginateGetQueryResults = createPaginator(AthenaClient, GetQueryResultsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListApplicationDPUSizes = createPaginator(AthenaClient, ListApplicationDPUSizesCommand, "NextToken", "NextToken", "MaxResults");

const paginateListCalculationExecutions = createPaginator(AthenaClient, ListCalculationExecutionsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListCapacityReservations = createPaginator(AthenaClient, ListCapacityReservationsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListDatabases = createPaginator(AthenaClient, ListDatabasesCommand, "NextToken", "NextToken", "MaxResults");

const paginateListDataCatalogs = createPaginator(AthenaClient, ListDataCatalogsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListEngineVersions = createPaginator(AthenaClient, ListEngineVersionsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListExecutors = createPaginator(AthenaClient, ListExecutorsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListNamedQueries = createPaginator(AthenaClient, ListNamedQueriesCommand, "NextToken", "NextToken", "MaxResults");

const paginateListPreparedStatements = createPaginator(AthenaClient, ListPreparedStatementsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListQueryExecutions = createPaginator(AthenaClient, ListQueryExecutionsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListSessions = createPaginator(AthenaClient, ListSessionsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListSystemTableStatuses = createPaginator(AthenaClient, ListSystemTableStatusesCommand, "NextToken", "NextToken", "MaxResults");

const paginateListTableMetadata = createPaginator(AthenaClient, ListTableMetadataCommand, "NextToken", "NextToken", "MaxResults");

const paginateListTagsForResource = createPaginator(AthenaClient, ListTagsForResourceCommand, "NextToken", "NextToken", "MaxResults");

const paginateListWorkGroups = createPaginator(AthenaClient, ListWorkGroupsCommand, "NextToken", "NextToken", "MaxResults");

const commands = {
    BatchGetNamedQueryCommand,
    BatchGetPreparedStatementCommand,
    BatchGetQueryExecutionCommand,
    CancelCapacityReservationCommand,
    CreateCapacityReservationCommand,
    CreateDataCatalogCommand,
    CreateNamedQueryCommand,
    CreateNotebookCommand,
    CreatePreparedStatementCommand,
    CreatePresignedNotebookUrlCommand,
    CreateSystemTableConfigurationCommand,
    CreateWorkGroupCommand,
    DeleteCapacityReservationCommand,
    DeleteDataCatalogCommand,
    DeleteNamedQueryCommand,
    DeleteNotebookCommand,
    DeletePreparedStatementCommand,
    DeleteSystemTableConfigurationCommand,
    DeleteWorkGroupCommand,
    ExportNotebookCommand,
    GetCalculationExecutionCommand,
    GetCalculationExecutionCodeCommand,
    GetCalculationExecutionStatusCommand,
    GetCapacityAssignmentConfigurationCommand,
    GetCapacityReservationCommand,
    GetDatabaseCommand,
    GetDataCatalogCommand,
    GetNamedQueryCommand,
    GetNotebookMetadataCommand,
    GetPreparedStatementCommand,
    GetQueryExecutionCommand,
    GetQueryResultsCommand,
    GetQueryRuntimeStatisticsCommand,
    GetResourceDashboardCommand,
    GetSessionCommand,
    GetSessionEndpointCommand,
    GetSessionStatusCommand,
    GetSystemTableConfigurationCommand,
    GetTableMetadataCommand,
    GetWorkGroupCommand,
    ImportNotebookCommand,
    ListApplicationDPUSizesCommand,
    ListCalculationExecutionsCommand,
    ListCapacityReservationsCommand,
    ListDatabasesCommand,
    ListDataCatalogsCommand,
    ListEngineVersionsCommand,
    ListExecutorsCommand,
    ListNamedQueriesCommand,
    ListNotebookMetadataCommand,
    ListNotebookSessionsCommand,
    ListPreparedStatementsCommand,
    ListQueryExecutionsCommand,
    ListSessionsCommand,
    ListSystemTableStatusesCommand,
    ListTableMetadataCommand,
    ListTagsForResourceCommand,
    ListWorkGroupsCommand,
    PutCapacityAssignmentConfigurationCommand,
    StartCalculationExecutionCommand,
    StartQueryExecutionCommand,
    StartSessionCommand,
    StopCalculationExecutionCommand,
    StopQueryExecutionCommand,
    TagResourceCommand,
    TerminateSessionCommand,
    UntagResourceCommand,
    UpdateCapacityReservationCommand,
    UpdateDataCatalogCommand,
    UpdateNamedQueryCommand,
    UpdateNotebookCommand,
    UpdateNotebookMetadataCommand,
    UpdatePreparedStatementCommand,
    UpdateSystemTableConfigurationCommand,
    UpdateWorkGroupCommand,
};
const paginators = {
    paginateGetQueryResults,
    paginateListApplicationDPUSizes,
    paginateListCalculationExecutions,
    paginateListCapacityReservations,
    paginateListDatabases,
    paginateListDataCatalogs,
    paginateListEngineVersions,
    paginateListExecutors,
    paginateListNamedQueries,
    paginateListPreparedStatements,
    paginateListQueryExecutions,
    paginateListSessions,
    paginateListSystemTableStatuses,
    paginateListTableMetadata,
    paginateListTagsForResource,
    paginateListWorkGroups,
};
class Athena extends AthenaClient {
}
createAggregatedClient(commands, Athena, { paginators });

const S3AclOption = {
    BUCKET_OWNER_FULL_CONTROL: "BUCKET_OWNER_FULL_CONTROL",
};
const AuthenticationType = {
    DIRECTORY_IDENTITY: "DIRECTORY_IDENTITY",
};
const EncryptionOption = {
    CSE_KMS: "CSE_KMS",
    SSE_KMS: "SSE_KMS",
    SSE_S3: "SSE_S3",
};
const StatementType = {
    DDL: "DDL",
    DML: "DML",
    UTILITY: "UTILITY",
};
const QueryExecutionState = {
    CANCELLED: "CANCELLED",
    FAILED: "FAILED",
    QUEUED: "QUEUED",
    RUNNING: "RUNNING",
    SUCCEEDED: "SUCCEEDED",
};
const DataCatalogType = {
    FEDERATED: "FEDERATED",
    GLUE: "GLUE",
    HIVE: "HIVE",
    LAMBDA: "LAMBDA",
};
const ConnectionType = {
    BIGQUERY: "BIGQUERY",
    CMDB: "CMDB",
    DATALAKEGEN2: "DATALAKEGEN2",
    DB2: "DB2",
    DB2AS400: "DB2AS400",
    DOCUMENTDB: "DOCUMENTDB",
    DYNAMODB: "DYNAMODB",
    GOOGLECLOUDSTORAGE: "GOOGLECLOUDSTORAGE",
    HBASE: "HBASE",
    MYSQL: "MYSQL",
    OPENSEARCH: "OPENSEARCH",
    ORACLE: "ORACLE",
    POSTGRESQL: "POSTGRESQL",
    REDSHIFT: "REDSHIFT",
    SAPHANA: "SAPHANA",
    SNOWFLAKE: "SNOWFLAKE",
    SQLSERVER: "SQLSERVER",
    SYNAPSE: "SYNAPSE",
    TIMESTREAM: "TIMESTREAM",
    TPCDS: "TPCDS",
};
const DataCatalogStatus = {
    CREATE_COMPLETE: "CREATE_COMPLETE",
    CREATE_FAILED: "CREATE_FAILED",
    CREATE_FAILED_CLEANUP_COMPLETE: "CREATE_FAILED_CLEANUP_COMPLETE",
    CREATE_FAILED_CLEANUP_FAILED: "CREATE_FAILED_CLEANUP_FAILED",
    CREATE_FAILED_CLEANUP_IN_PROGRESS: "CREATE_FAILED_CLEANUP_IN_PROGRESS",
    CREATE_IN_PROGRESS: "CREATE_IN_PROGRESS",
    DELETE_COMPLETE: "DELETE_COMPLETE",
    DELETE_FAILED: "DELETE_FAILED",
    DELETE_IN_PROGRESS: "DELETE_IN_PROGRESS",
};
const ThrottleReason = {
    CONCURRENT_QUERY_LIMIT_EXCEEDED: "CONCURRENT_QUERY_LIMIT_EXCEEDED",
};
const SystemTableName = {
    ALL: "ALL",
};
const SystemTableType = {
    QUERY_EXECUTIONS: "QUERY_EXECUTIONS",
};
const NotebookType = {
    IPYNB: "IPYNB",
};
const CalculationExecutionState = {
    CANCELED: "CANCELED",
    CANCELING: "CANCELING",
    COMPLETED: "COMPLETED",
    CREATED: "CREATED",
    CREATING: "CREATING",
    FAILED: "FAILED",
    QUEUED: "QUEUED",
    RUNNING: "RUNNING",
};
const CapacityAllocationStatus = {
    FAILED: "FAILED",
    PENDING: "PENDING",
    SUCCEEDED: "SUCCEEDED",
};
const CapacityReservationStatus = {
    ACTIVE: "ACTIVE",
    CANCELLED: "CANCELLED",
    CANCELLING: "CANCELLING",
    FAILED: "FAILED",
    PENDING: "PENDING",
    UPDATE_PENDING: "UPDATE_PENDING",
};
const QueryResultType = {
    DATA_MANIFEST: "DATA_MANIFEST",
    DATA_ROWS: "DATA_ROWS",
};
const ColumnNullable = {
    NOT_NULL: "NOT_NULL",
    NULLABLE: "NULLABLE",
    UNKNOWN: "UNKNOWN",
};
const SessionState = {
    BUSY: "BUSY",
    CREATED: "CREATED",
    CREATING: "CREATING",
    DEGRADED: "DEGRADED",
    FAILED: "FAILED",
    IDLE: "IDLE",
    TERMINATED: "TERMINATED",
    TERMINATING: "TERMINATING",
};
const WorkGroupState = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const ExecutorState = {
    CREATED: "CREATED",
    CREATING: "CREATING",
    FAILED: "FAILED",
    REGISTERED: "REGISTERED",
    TERMINATED: "TERMINATED",
    TERMINATING: "TERMINATING",
};
const ExecutorType = {
    COORDINATOR: "COORDINATOR",
    GATEWAY: "GATEWAY",
    WORKER: "WORKER",
};

__webpack_unused_export__ = AclConfiguration$;
__webpack_unused_export__ = ApplicationDPUSizes$;
__webpack_unused_export__ = Athena;
exports.AthenaClient = AthenaClient;
__webpack_unused_export__ = AthenaError$;
__webpack_unused_export__ = AthenaServiceException;
__webpack_unused_export__ = AthenaServiceException$;
__webpack_unused_export__ = AuthenticationType;
__webpack_unused_export__ = BatchGetNamedQuery$;
__webpack_unused_export__ = BatchGetNamedQueryCommand;
__webpack_unused_export__ = BatchGetNamedQueryInput$;
__webpack_unused_export__ = BatchGetNamedQueryOutput$;
__webpack_unused_export__ = BatchGetPreparedStatement$;
__webpack_unused_export__ = BatchGetPreparedStatementCommand;
__webpack_unused_export__ = BatchGetPreparedStatementInput$;
__webpack_unused_export__ = BatchGetPreparedStatementOutput$;
__webpack_unused_export__ = BatchGetQueryExecution$;
__webpack_unused_export__ = BatchGetQueryExecutionCommand;
__webpack_unused_export__ = BatchGetQueryExecutionInput$;
__webpack_unused_export__ = BatchGetQueryExecutionOutput$;
__webpack_unused_export__ = CalculationConfiguration$;
__webpack_unused_export__ = CalculationExecutionState;
__webpack_unused_export__ = CalculationResult$;
__webpack_unused_export__ = CalculationStatistics$;
__webpack_unused_export__ = CalculationStatus$;
__webpack_unused_export__ = CalculationSummary$;
__webpack_unused_export__ = CancelCapacityReservation$;
__webpack_unused_export__ = CancelCapacityReservationCommand;
__webpack_unused_export__ = CancelCapacityReservationInput$;
__webpack_unused_export__ = CancelCapacityReservationOutput$;
__webpack_unused_export__ = CapacityAllocation$;
__webpack_unused_export__ = CapacityAllocationStatus;
__webpack_unused_export__ = CapacityAssignment$;
__webpack_unused_export__ = CapacityAssignmentConfiguration$;
__webpack_unused_export__ = CapacityReservation$;
__webpack_unused_export__ = CapacityReservationStatus;
__webpack_unused_export__ = Classification$;
__webpack_unused_export__ = CloudWatchLoggingConfiguration$;
__webpack_unused_export__ = Column$;
__webpack_unused_export__ = ColumnInfo$;
__webpack_unused_export__ = ColumnNullable;
__webpack_unused_export__ = ConnectionType;
__webpack_unused_export__ = CreateCapacityReservation$;
__webpack_unused_export__ = CreateCapacityReservationCommand;
__webpack_unused_export__ = CreateCapacityReservationInput$;
__webpack_unused_export__ = CreateCapacityReservationOutput$;
__webpack_unused_export__ = CreateDataCatalog$;
__webpack_unused_export__ = CreateDataCatalogCommand;
__webpack_unused_export__ = CreateDataCatalogInput$;
__webpack_unused_export__ = CreateDataCatalogOutput$;
__webpack_unused_export__ = CreateNamedQuery$;
__webpack_unused_export__ = CreateNamedQueryCommand;
__webpack_unused_export__ = CreateNamedQueryInput$;
__webpack_unused_export__ = CreateNamedQueryOutput$;
__webpack_unused_export__ = CreateNotebook$;
__webpack_unused_export__ = CreateNotebookCommand;
__webpack_unused_export__ = CreateNotebookInput$;
__webpack_unused_export__ = CreateNotebookOutput$;
__webpack_unused_export__ = CreatePreparedStatement$;
__webpack_unused_export__ = CreatePreparedStatementCommand;
__webpack_unused_export__ = CreatePreparedStatementInput$;
__webpack_unused_export__ = CreatePreparedStatementOutput$;
__webpack_unused_export__ = CreatePresignedNotebookUrl$;
__webpack_unused_export__ = CreatePresignedNotebookUrlCommand;
__webpack_unused_export__ = CreatePresignedNotebookUrlRequest$;
__webpack_unused_export__ = CreatePresignedNotebookUrlResponse$;
__webpack_unused_export__ = CreateSystemTableConfiguration$;
__webpack_unused_export__ = CreateSystemTableConfigurationCommand;
__webpack_unused_export__ = CreateSystemTableConfigurationInput$;
__webpack_unused_export__ = CreateSystemTableConfigurationOutput$;
__webpack_unused_export__ = CreateWorkGroup$;
__webpack_unused_export__ = CreateWorkGroupCommand;
__webpack_unused_export__ = CreateWorkGroupInput$;
__webpack_unused_export__ = CreateWorkGroupOutput$;
__webpack_unused_export__ = CustomerContentEncryptionConfiguration$;
__webpack_unused_export__ = DataCatalog$;
__webpack_unused_export__ = DataCatalogStatus;
__webpack_unused_export__ = DataCatalogSummary$;
__webpack_unused_export__ = DataCatalogType;
__webpack_unused_export__ = Database$;
__webpack_unused_export__ = Datum$;
__webpack_unused_export__ = DeleteCapacityReservation$;
__webpack_unused_export__ = DeleteCapacityReservationCommand;
__webpack_unused_export__ = DeleteCapacityReservationInput$;
__webpack_unused_export__ = DeleteCapacityReservationOutput$;
__webpack_unused_export__ = DeleteDataCatalog$;
__webpack_unused_export__ = DeleteDataCatalogCommand;
__webpack_unused_export__ = DeleteDataCatalogInput$;
__webpack_unused_export__ = DeleteDataCatalogOutput$;
__webpack_unused_export__ = DeleteNamedQuery$;
__webpack_unused_export__ = DeleteNamedQueryCommand;
__webpack_unused_export__ = DeleteNamedQueryInput$;
__webpack_unused_export__ = DeleteNamedQueryOutput$;
__webpack_unused_export__ = DeleteNotebook$;
__webpack_unused_export__ = DeleteNotebookCommand;
__webpack_unused_export__ = DeleteNotebookInput$;
__webpack_unused_export__ = DeleteNotebookOutput$;
__webpack_unused_export__ = DeletePreparedStatement$;
__webpack_unused_export__ = DeletePreparedStatementCommand;
__webpack_unused_export__ = DeletePreparedStatementInput$;
__webpack_unused_export__ = DeletePreparedStatementOutput$;
__webpack_unused_export__ = DeleteSystemTableConfiguration$;
__webpack_unused_export__ = DeleteSystemTableConfigurationCommand;
__webpack_unused_export__ = DeleteSystemTableConfigurationInput$;
__webpack_unused_export__ = DeleteSystemTableConfigurationOutput$;
__webpack_unused_export__ = DeleteWorkGroup$;
__webpack_unused_export__ = DeleteWorkGroupCommand;
__webpack_unused_export__ = DeleteWorkGroupInput$;
__webpack_unused_export__ = DeleteWorkGroupOutput$;
__webpack_unused_export__ = EncryptionConfiguration$;
__webpack_unused_export__ = EncryptionOption;
__webpack_unused_export__ = EngineConfiguration$;
__webpack_unused_export__ = EngineVersion$;
__webpack_unused_export__ = ExecutorState;
__webpack_unused_export__ = ExecutorType;
__webpack_unused_export__ = ExecutorsSummary$;
__webpack_unused_export__ = ExportNotebook$;
__webpack_unused_export__ = ExportNotebookCommand;
__webpack_unused_export__ = ExportNotebookInput$;
__webpack_unused_export__ = ExportNotebookOutput$;
__webpack_unused_export__ = FilterDefinition$;
__webpack_unused_export__ = GetCalculationExecution$;
__webpack_unused_export__ = GetCalculationExecutionCode$;
__webpack_unused_export__ = GetCalculationExecutionCodeCommand;
__webpack_unused_export__ = GetCalculationExecutionCodeRequest$;
__webpack_unused_export__ = GetCalculationExecutionCodeResponse$;
__webpack_unused_export__ = GetCalculationExecutionCommand;
__webpack_unused_export__ = GetCalculationExecutionRequest$;
__webpack_unused_export__ = GetCalculationExecutionResponse$;
__webpack_unused_export__ = GetCalculationExecutionStatus$;
__webpack_unused_export__ = GetCalculationExecutionStatusCommand;
__webpack_unused_export__ = GetCalculationExecutionStatusRequest$;
__webpack_unused_export__ = GetCalculationExecutionStatusResponse$;
__webpack_unused_export__ = GetCapacityAssignmentConfiguration$;
__webpack_unused_export__ = GetCapacityAssignmentConfigurationCommand;
__webpack_unused_export__ = GetCapacityAssignmentConfigurationInput$;
__webpack_unused_export__ = GetCapacityAssignmentConfigurationOutput$;
__webpack_unused_export__ = GetCapacityReservation$;
__webpack_unused_export__ = GetCapacityReservationCommand;
__webpack_unused_export__ = GetCapacityReservationInput$;
__webpack_unused_export__ = GetCapacityReservationOutput$;
__webpack_unused_export__ = GetDataCatalog$;
__webpack_unused_export__ = GetDataCatalogCommand;
__webpack_unused_export__ = GetDataCatalogInput$;
__webpack_unused_export__ = GetDataCatalogOutput$;
__webpack_unused_export__ = GetDatabase$;
__webpack_unused_export__ = GetDatabaseCommand;
__webpack_unused_export__ = GetDatabaseInput$;
__webpack_unused_export__ = GetDatabaseOutput$;
__webpack_unused_export__ = GetNamedQuery$;
__webpack_unused_export__ = GetNamedQueryCommand;
__webpack_unused_export__ = GetNamedQueryInput$;
__webpack_unused_export__ = GetNamedQueryOutput$;
__webpack_unused_export__ = GetNotebookMetadata$;
__webpack_unused_export__ = GetNotebookMetadataCommand;
__webpack_unused_export__ = GetNotebookMetadataInput$;
__webpack_unused_export__ = GetNotebookMetadataOutput$;
__webpack_unused_export__ = GetPreparedStatement$;
__webpack_unused_export__ = GetPreparedStatementCommand;
__webpack_unused_export__ = GetPreparedStatementInput$;
__webpack_unused_export__ = GetPreparedStatementOutput$;
__webpack_unused_export__ = GetQueryExecution$;
exports.mRu = GetQueryExecutionCommand;
__webpack_unused_export__ = GetQueryExecutionInput$;
__webpack_unused_export__ = GetQueryExecutionOutput$;
__webpack_unused_export__ = GetQueryResults$;
exports.sAK = GetQueryResultsCommand;
__webpack_unused_export__ = GetQueryResultsInput$;
__webpack_unused_export__ = GetQueryResultsOutput$;
__webpack_unused_export__ = GetQueryRuntimeStatistics$;
__webpack_unused_export__ = GetQueryRuntimeStatisticsCommand;
__webpack_unused_export__ = GetQueryRuntimeStatisticsInput$;
__webpack_unused_export__ = GetQueryRuntimeStatisticsOutput$;
__webpack_unused_export__ = GetResourceDashboard$;
__webpack_unused_export__ = GetResourceDashboardCommand;
__webpack_unused_export__ = GetResourceDashboardRequest$;
__webpack_unused_export__ = GetResourceDashboardResponse$;
__webpack_unused_export__ = GetSession$;
__webpack_unused_export__ = GetSessionCommand;
__webpack_unused_export__ = GetSessionEndpoint$;
__webpack_unused_export__ = GetSessionEndpointCommand;
__webpack_unused_export__ = GetSessionEndpointRequest$;
__webpack_unused_export__ = GetSessionEndpointResponse$;
__webpack_unused_export__ = GetSessionRequest$;
__webpack_unused_export__ = GetSessionResponse$;
__webpack_unused_export__ = GetSessionStatus$;
__webpack_unused_export__ = GetSessionStatusCommand;
__webpack_unused_export__ = GetSessionStatusRequest$;
__webpack_unused_export__ = GetSessionStatusResponse$;
__webpack_unused_export__ = GetSystemTableConfiguration$;
__webpack_unused_export__ = GetSystemTableConfigurationCommand;
__webpack_unused_export__ = GetSystemTableConfigurationInput$;
__webpack_unused_export__ = GetSystemTableConfigurationOutput$;
__webpack_unused_export__ = GetTableMetadata$;
__webpack_unused_export__ = GetTableMetadataCommand;
__webpack_unused_export__ = GetTableMetadataInput$;
__webpack_unused_export__ = GetTableMetadataOutput$;
__webpack_unused_export__ = GetWorkGroup$;
__webpack_unused_export__ = GetWorkGroupCommand;
__webpack_unused_export__ = GetWorkGroupInput$;
__webpack_unused_export__ = GetWorkGroupOutput$;
__webpack_unused_export__ = IdentityCenterConfiguration$;
__webpack_unused_export__ = ImportNotebook$;
__webpack_unused_export__ = ImportNotebookCommand;
__webpack_unused_export__ = ImportNotebookInput$;
__webpack_unused_export__ = ImportNotebookOutput$;
__webpack_unused_export__ = InternalServerException;
__webpack_unused_export__ = InternalServerException$;
__webpack_unused_export__ = InvalidRequestException;
__webpack_unused_export__ = InvalidRequestException$;
__webpack_unused_export__ = ListApplicationDPUSizes$;
__webpack_unused_export__ = ListApplicationDPUSizesCommand;
__webpack_unused_export__ = ListApplicationDPUSizesInput$;
__webpack_unused_export__ = ListApplicationDPUSizesOutput$;
__webpack_unused_export__ = ListCalculationExecutions$;
__webpack_unused_export__ = ListCalculationExecutionsCommand;
__webpack_unused_export__ = ListCalculationExecutionsRequest$;
__webpack_unused_export__ = ListCalculationExecutionsResponse$;
__webpack_unused_export__ = ListCapacityReservations$;
__webpack_unused_export__ = ListCapacityReservationsCommand;
__webpack_unused_export__ = ListCapacityReservationsInput$;
__webpack_unused_export__ = ListCapacityReservationsOutput$;
__webpack_unused_export__ = ListDataCatalogs$;
__webpack_unused_export__ = ListDataCatalogsCommand;
__webpack_unused_export__ = ListDataCatalogsInput$;
__webpack_unused_export__ = ListDataCatalogsOutput$;
__webpack_unused_export__ = ListDatabases$;
__webpack_unused_export__ = ListDatabasesCommand;
__webpack_unused_export__ = ListDatabasesInput$;
__webpack_unused_export__ = ListDatabasesOutput$;
__webpack_unused_export__ = ListEngineVersions$;
__webpack_unused_export__ = ListEngineVersionsCommand;
__webpack_unused_export__ = ListEngineVersionsInput$;
__webpack_unused_export__ = ListEngineVersionsOutput$;
__webpack_unused_export__ = ListExecutors$;
__webpack_unused_export__ = ListExecutorsCommand;
__webpack_unused_export__ = ListExecutorsRequest$;
__webpack_unused_export__ = ListExecutorsResponse$;
__webpack_unused_export__ = ListNamedQueries$;
__webpack_unused_export__ = ListNamedQueriesCommand;
__webpack_unused_export__ = ListNamedQueriesInput$;
__webpack_unused_export__ = ListNamedQueriesOutput$;
__webpack_unused_export__ = ListNotebookMetadata$;
__webpack_unused_export__ = ListNotebookMetadataCommand;
__webpack_unused_export__ = ListNotebookMetadataInput$;
__webpack_unused_export__ = ListNotebookMetadataOutput$;
__webpack_unused_export__ = ListNotebookSessions$;
__webpack_unused_export__ = ListNotebookSessionsCommand;
__webpack_unused_export__ = ListNotebookSessionsRequest$;
__webpack_unused_export__ = ListNotebookSessionsResponse$;
__webpack_unused_export__ = ListPreparedStatements$;
__webpack_unused_export__ = ListPreparedStatementsCommand;
__webpack_unused_export__ = ListPreparedStatementsInput$;
__webpack_unused_export__ = ListPreparedStatementsOutput$;
__webpack_unused_export__ = ListQueryExecutions$;
__webpack_unused_export__ = ListQueryExecutionsCommand;
__webpack_unused_export__ = ListQueryExecutionsInput$;
__webpack_unused_export__ = ListQueryExecutionsOutput$;
__webpack_unused_export__ = ListSessions$;
__webpack_unused_export__ = ListSessionsCommand;
__webpack_unused_export__ = ListSessionsRequest$;
__webpack_unused_export__ = ListSessionsResponse$;
__webpack_unused_export__ = ListSystemTableStatuses$;
__webpack_unused_export__ = ListSystemTableStatusesCommand;
__webpack_unused_export__ = ListSystemTableStatusesInput$;
__webpack_unused_export__ = ListSystemTableStatusesOutput$;
__webpack_unused_export__ = ListTableMetadata$;
__webpack_unused_export__ = ListTableMetadataCommand;
__webpack_unused_export__ = ListTableMetadataInput$;
__webpack_unused_export__ = ListTableMetadataOutput$;
__webpack_unused_export__ = ListTagsForResource$;
__webpack_unused_export__ = ListTagsForResourceCommand;
__webpack_unused_export__ = ListTagsForResourceInput$;
__webpack_unused_export__ = ListTagsForResourceOutput$;
__webpack_unused_export__ = ListWorkGroups$;
__webpack_unused_export__ = ListWorkGroupsCommand;
__webpack_unused_export__ = ListWorkGroupsInput$;
__webpack_unused_export__ = ListWorkGroupsOutput$;
__webpack_unused_export__ = ManagedLoggingConfiguration$;
__webpack_unused_export__ = ManagedQueryResultsConfiguration$;
__webpack_unused_export__ = ManagedQueryResultsConfigurationUpdates$;
__webpack_unused_export__ = ManagedQueryResultsEncryptionConfiguration$;
__webpack_unused_export__ = MetadataException;
__webpack_unused_export__ = MetadataException$;
__webpack_unused_export__ = MonitoringConfiguration$;
__webpack_unused_export__ = NamedQuery$;
__webpack_unused_export__ = NotebookMetadata$;
__webpack_unused_export__ = NotebookSessionSummary$;
__webpack_unused_export__ = NotebookType;
__webpack_unused_export__ = PreparedStatement$;
__webpack_unused_export__ = PreparedStatementSummary$;
__webpack_unused_export__ = PutCapacityAssignmentConfiguration$;
__webpack_unused_export__ = PutCapacityAssignmentConfigurationCommand;
__webpack_unused_export__ = PutCapacityAssignmentConfigurationInput$;
__webpack_unused_export__ = PutCapacityAssignmentConfigurationOutput$;
__webpack_unused_export__ = QueryExecution$;
__webpack_unused_export__ = QueryExecutionContext$;
__webpack_unused_export__ = QueryExecutionState;
__webpack_unused_export__ = QueryExecutionStatistics$;
__webpack_unused_export__ = QueryExecutionStatus$;
__webpack_unused_export__ = QueryResultType;
__webpack_unused_export__ = QueryResultsS3AccessGrantsConfiguration$;
__webpack_unused_export__ = QueryRuntimeStatistics$;
__webpack_unused_export__ = QueryRuntimeStatisticsRows$;
__webpack_unused_export__ = QueryRuntimeStatisticsTimeline$;
__webpack_unused_export__ = QueryStage$;
__webpack_unused_export__ = QueryStagePlanNode$;
__webpack_unused_export__ = ResourceNotFoundException;
__webpack_unused_export__ = ResourceNotFoundException$;
__webpack_unused_export__ = ResultConfiguration$;
__webpack_unused_export__ = ResultConfigurationUpdates$;
__webpack_unused_export__ = ResultReuseByAgeConfiguration$;
__webpack_unused_export__ = ResultReuseConfiguration$;
__webpack_unused_export__ = ResultReuseInformation$;
__webpack_unused_export__ = ResultSet$;
__webpack_unused_export__ = ResultSetMetadata$;
__webpack_unused_export__ = Row$;
__webpack_unused_export__ = S3AclOption;
__webpack_unused_export__ = S3LoggingConfiguration$;
__webpack_unused_export__ = SessionAlreadyExistsException;
__webpack_unused_export__ = SessionAlreadyExistsException$;
__webpack_unused_export__ = SessionConfiguration$;
__webpack_unused_export__ = SessionState;
__webpack_unused_export__ = SessionStatistics$;
__webpack_unused_export__ = SessionStatus$;
__webpack_unused_export__ = SessionSummary$;
__webpack_unused_export__ = StartCalculationExecution$;
__webpack_unused_export__ = StartCalculationExecutionCommand;
__webpack_unused_export__ = StartCalculationExecutionRequest$;
__webpack_unused_export__ = StartCalculationExecutionResponse$;
__webpack_unused_export__ = StartQueryExecution$;
exports.Wjk = StartQueryExecutionCommand;
__webpack_unused_export__ = StartQueryExecutionInput$;
__webpack_unused_export__ = StartQueryExecutionOutput$;
__webpack_unused_export__ = StartSession$;
__webpack_unused_export__ = StartSessionCommand;
__webpack_unused_export__ = StartSessionRequest$;
__webpack_unused_export__ = StartSessionResponse$;
__webpack_unused_export__ = StatementType;
__webpack_unused_export__ = StopCalculationExecution$;
__webpack_unused_export__ = StopCalculationExecutionCommand;
__webpack_unused_export__ = StopCalculationExecutionRequest$;
__webpack_unused_export__ = StopCalculationExecutionResponse$;
__webpack_unused_export__ = StopQueryExecution$;
exports.aaO = StopQueryExecutionCommand;
__webpack_unused_export__ = StopQueryExecutionInput$;
__webpack_unused_export__ = StopQueryExecutionOutput$;
__webpack_unused_export__ = SystemTableName;
__webpack_unused_export__ = SystemTableStatus$;
__webpack_unused_export__ = SystemTableType;
__webpack_unused_export__ = TableMetadata$;
__webpack_unused_export__ = Tag$;
__webpack_unused_export__ = TagResource$;
__webpack_unused_export__ = TagResourceCommand;
__webpack_unused_export__ = TagResourceInput$;
__webpack_unused_export__ = TagResourceOutput$;
__webpack_unused_export__ = TerminateSession$;
__webpack_unused_export__ = TerminateSessionCommand;
__webpack_unused_export__ = TerminateSessionRequest$;
__webpack_unused_export__ = TerminateSessionResponse$;
__webpack_unused_export__ = ThrottleReason;
__webpack_unused_export__ = TooManyRequestsException;
__webpack_unused_export__ = TooManyRequestsException$;
__webpack_unused_export__ = UnprocessedNamedQueryId$;
__webpack_unused_export__ = UnprocessedPreparedStatementName$;
__webpack_unused_export__ = UnprocessedQueryExecutionId$;
__webpack_unused_export__ = UntagResource$;
__webpack_unused_export__ = UntagResourceCommand;
__webpack_unused_export__ = UntagResourceInput$;
__webpack_unused_export__ = UntagResourceOutput$;
__webpack_unused_export__ = UpdateCapacityReservation$;
__webpack_unused_export__ = UpdateCapacityReservationCommand;
__webpack_unused_export__ = UpdateCapacityReservationInput$;
__webpack_unused_export__ = UpdateCapacityReservationOutput$;
__webpack_unused_export__ = UpdateDataCatalog$;
__webpack_unused_export__ = UpdateDataCatalogCommand;
__webpack_unused_export__ = UpdateDataCatalogInput$;
__webpack_unused_export__ = UpdateDataCatalogOutput$;
__webpack_unused_export__ = UpdateNamedQuery$;
__webpack_unused_export__ = UpdateNamedQueryCommand;
__webpack_unused_export__ = UpdateNamedQueryInput$;
__webpack_unused_export__ = UpdateNamedQueryOutput$;
__webpack_unused_export__ = UpdateNotebook$;
__webpack_unused_export__ = UpdateNotebookCommand;
__webpack_unused_export__ = UpdateNotebookInput$;
__webpack_unused_export__ = UpdateNotebookMetadata$;
__webpack_unused_export__ = UpdateNotebookMetadataCommand;
__webpack_unused_export__ = UpdateNotebookMetadataInput$;
__webpack_unused_export__ = UpdateNotebookMetadataOutput$;
__webpack_unused_export__ = UpdateNotebookOutput$;
__webpack_unused_export__ = UpdatePreparedStatement$;
__webpack_unused_export__ = UpdatePreparedStatementCommand;
__webpack_unused_export__ = UpdatePreparedStatementInput$;
__webpack_unused_export__ = UpdatePreparedStatementOutput$;
__webpack_unused_export__ = UpdateSystemTableConfiguration$;
__webpack_unused_export__ = UpdateSystemTableConfigurationCommand;
__webpack_unused_export__ = UpdateSystemTableConfigurationInput$;
__webpack_unused_export__ = UpdateSystemTableConfigurationOutput$;
__webpack_unused_export__ = UpdateWorkGroup$;
__webpack_unused_export__ = UpdateWorkGroupCommand;
__webpack_unused_export__ = UpdateWorkGroupInput$;
__webpack_unused_export__ = UpdateWorkGroupOutput$;
__webpack_unused_export__ = WorkGroup$;
__webpack_unused_export__ = WorkGroupConfiguration$;
__webpack_unused_export__ = WorkGroupConfigurationUpdates$;
__webpack_unused_export__ = WorkGroupState;
__webpack_unused_export__ = WorkGroupSummary$;
__webpack_unused_export__ = errorTypeRegistries;
__webpack_unused_export__ = paginateGetQueryResults;
__webpack_unused_export__ = paginateListApplicationDPUSizes;
__webpack_unused_export__ = paginateListCalculationExecutions;
__webpack_unused_export__ = paginateListCapacityReservations;
__webpack_unused_export__ = paginateListDataCatalogs;
__webpack_unused_export__ = paginateListDatabases;
__webpack_unused_export__ = paginateListEngineVersions;
__webpack_unused_export__ = paginateListExecutors;
__webpack_unused_export__ = paginateListNamedQueries;
__webpack_unused_export__ = paginateListPreparedStatements;
__webpack_unused_export__ = paginateListQueryExecutions;
__webpack_unused_export__ = paginateListSessions;
__webpack_unused_export__ = paginateListSystemTableStatuses;
__webpack_unused_export__ = paginateListTableMetadata;
__webpack_unused_export__ = paginateListTagsForResource;
__webpack_unused_export__ = paginateListWorkGroups;


/***/ })

};

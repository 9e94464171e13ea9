// M365Scanner on Azure: the host in Azure Container Apps (at least two replicas behind the environment's HTTPS
// ingress, which is the one public webhook URL), Azure Database for PostgreSQL flexible server (stores and the
// Hangfire queue), a Key Vault holding the app registration's certificate, a user-assigned managed identity that
// reads it (and pulls the image from ACR when one is named), and Log Analytics for the container logs.
// Deploy into an existing resource group; infra/README.md explains every parameter and the order of the steps.

targetScope = 'resourceGroup'

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Lowercase letters, digits and hyphens; starts the name of every resource.')
@minLength(3)
@maxLength(20)
param namePrefix string = 'm365scanner'

@description('The host image, e.g. myregistry.azurecr.io/m365scanner-host:1.0.0 (built from infra/Dockerfile).')
param containerImage string

@description('Name of an Azure Container Registry in this resource group holding the image; the identity gets AcrPull on it. Empty: the image is public.')
param containerRegistryName string = ''

@description('Replicas that always run. Two or more, so the webhook keeps answering while one replica is lost or replaced.')
@minValue(2)
param minReplicas int = 2

@description('Upper bound when the HTTP load scales the app out.')
@minValue(2)
param maxReplicas int = 4

@description('Administrator login of the PostgreSQL server, used by the host.')
param postgresAdminLogin string = 'm365scanner'

@description('Its password (secret).')
@secure()
param postgresAdminPassword string

@description('Compute size of the PostgreSQL server, e.g. Standard_B2s (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param postgresSkuName string = 'Standard_B2s'

@description('Tier matching postgresSkuName.')
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL major version.')
param postgresVersion string = '17'

@description('Storage of the PostgreSQL server in GiB (grows automatically).')
param postgresStorageSizeGB int = 32

@description('Key that signs blocked-link tokens: base64 of at least 32 random bytes (secret). One key for all replicas.')
@secure()
param blockedLinkSigningKey string

@description('API key with the Admin role for /api/admin and the /hangfire dashboard, at least 24 characters (secret).')
@secure()
param adminApiKey string

@description('Application (client) id of the multi-tenant app registration. Empty: onboarding off and no certificate is read (the first deployment, before the certificate is in Key Vault).')
param onboardingClientId string = ''

@description('Name of the Key Vault certificate of that app registration (imported with content type application/x-pem-file).')
param appCertificateName string = 'app-certificate'

@description('Object id of the user or group who imports the certificate; gets "Key Vault Certificates Officer" on the vault. Empty: grant it yourself.')
param certificateImporterPrincipalId string = ''

@description('Public base URL when a custom domain is bound to the app; empty: the app\'s default https://<name>.<environment domain>.')
param publicBaseUrl string = ''

@description('OTLP endpoint for metrics, e.g. https://collector.example.com:4317. Empty: no export.')
param otlpEndpoint string = ''

var suffix = uniqueString(resourceGroup().id)
var appName = '${namePrefix}-host'
var databaseName = 'm365scanner'
var onboarding = !empty(onboardingClientId)
var publicUrl = empty(publicBaseUrl) ? 'https://${appName}.${environment.properties.defaultDomain}' : publicBaseUrl

// Built-in role definitions (learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var acrPullRoleId = '7f951dda-4ed3-4680-a7ca-43fe172d538d'
var keyVaultCertificatesOfficerRoleId = 'a4417e6f-fecd-4de8-b567-7b0420556985'

resource logs 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${namePrefix}-id'
  location: location
}

// RBAC permission model: access is granted by role assignments, here only "Key Vault Secrets User" to the app's
// identity (a certificate's private key is read through the secret of the same name).
resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: 'kv-${suffix}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Importing a certificate is a data-plane operation, which the RBAC model grants only by a role like this one.
resource vaultCertificatesOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(certificateImporterPrincipalId)) {
  name: guid(vault.id, certificateImporterPrincipalId, keyVaultCertificatesOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCertificatesOfficerRoleId)
    principalId: certificateImporterPrincipalId
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2025-11-01' existing = if (!empty(containerRegistryName)) {
  name: containerRegistryName
}

resource registryPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(containerRegistryName)) {
  name: guid(resourceGroup().id, containerRegistryName, identity.id, acrPullRoleId)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPullRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Network: public access restricted by the firewall rule below to connections from Azure, with TLS required and the
// server certificate verified by the host (SSL Mode=VerifyFull). That rule admits any Azure customer's resources, so
// the password still matters. Stricter, at the cost of a virtual network for the Container Apps environment and a
// private DNS zone: VNet integration (a delegated subnet) or a private endpoint, with publicNetworkAccess 'Disabled'.
resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: '${namePrefix}-pg-${suffix}'
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: postgresStorageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

// 0.0.0.0-0.0.0.0 is Azure's convention for "allow connections from Azure services" (not "allow everyone").
resource postgresAllowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2025-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

resource environment 'Microsoft.App/managedEnvironments@2026-01-01' = {
  name: '${namePrefix}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
  }
}

var connectionString = 'Host=${postgres.properties.fullyQualifiedDomainName};Port=5432;Database=${databaseName};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=VerifyFull'

// Container Apps secrets: the generated values are stored in the app (encrypted at rest, never in the template's
// outputs); the certificate is a reference that the platform resolves with the identity, following new versions.
var valueSecrets = [
  {
    name: 'storage-connection-string'
    value: connectionString
  }
  {
    name: 'blocked-link-signing-key'
    value: blockedLinkSigningKey
  }
  {
    name: 'admin-api-key'
    value: adminApiKey
  }
]
var certificateSecrets = onboarding
  ? [
      {
        name: 'app-certificate'
        keyVaultUrl: '${vault.properties.vaultUri}secrets/${appCertificateName}'
        identity: identity.id
      }
    ]
  : []

var baseEnv = [
  { name: 'Storage__Provider', value: 'Postgres' }
  { name: 'Storage__ConnectionString', secretRef: 'storage-connection-string' }
  { name: 'Scanner__PublicBaseUrl', value: publicUrl }
  { name: 'Scanner__BlockedLinkSigningKey', secretRef: 'blocked-link-signing-key' }
  { name: 'Scanner__ApiKeys__0__Name', value: 'admin' }
  { name: 'Scanner__ApiKeys__0__Key', secretRef: 'admin-api-key' }
  { name: 'Scanner__ApiKeys__0__Role', value: 'Admin' }
  // The ingress terminates TLS and forwards X-Forwarded-Proto; the host needs it to know requests came over HTTPS.
  { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' }
]
// The secret volume below puts the Key Vault secret (PEM: private key and certificate) in this file; the host loads
// a path ending in .pem as PEM.
var onboardingEnv = onboarding
  ? [
      { name: 'Onboarding__ClientId', value: onboardingClientId }
      { name: 'Onboarding__CertificatePath', value: '/mnt/secrets/app-certificate.pem' }
    ]
  : []
var telemetryEnv = empty(otlpEndpoint) ? [] : [{ name: 'Telemetry__OtlpEndpoint', value: otlpEndpoint }]

resource app 'Microsoft.App/containerApps@2026-01-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'auto'
        allowInsecure: false
      }
      registries: empty(containerRegistryName)
        ? []
        : [
            {
              server: '${containerRegistryName}.azurecr.io'
              identity: identity.id
            }
          ]
      secrets: concat(valueSecrets, certificateSecrets)
    }
    template: {
      containers: [
        {
          name: 'host'
          image: containerImage
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          env: concat(baseEnv, onboardingEnv, telemetryEnv)
          probes: [
            {
              // Schema migration runs at start; give it up to two minutes before liveness applies.
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
              periodSeconds: 5
              failureThreshold: 24
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              // Store and Hangfire storage reachable; a replica that is not ready gets no requests.
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
          volumeMounts: onboarding
            ? [
                {
                  volumeName: 'app-certificate'
                  mountPath: '/mnt/secrets'
                }
              ]
            : []
        }
      ]
      volumes: onboarding
        ? [
            {
              name: 'app-certificate'
              storageType: 'Secret'
              secrets: [
                {
                  secretRef: 'app-certificate'
                  path: 'app-certificate.pem'
                }
              ]
            }
          ]
        : []
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
      }
    }
  }
  dependsOn: [
    // The identity must hold its roles before the platform reads the certificate or pulls the image.
    vaultSecretsUser
    registryPull
    database
    postgresAllowAzure
  ]
}

@description('Graph change-notification URL (Scanner:PublicBaseUrl + /api/graph/notifications).')
output webhookUrl string = '${publicUrl}/api/graph/notifications'

@description('Graph lifecycle-notification URL.')
output lifecycleUrl string = '${publicUrl}/api/graph/lifecycle'

@description('Admin-consent redirect URI: add it to the app registration (infra/app-registration.json, web.redirectUris).')
output consentRedirectUrl string = '${publicUrl}/onboard/callback'

@description('Where customers\' administrators start onboarding.')
output onboardingUrl string = '${publicUrl}/onboard'

@description('Key Vault to import the app certificate into.')
output keyVaultName string = vault.name

@description('PostgreSQL server host name.')
output postgresHost string = postgres.properties.fullyQualifiedDomainName

@description('The app\'s default host name given by the ingress.')
output appFqdn string = app.properties.configuration.ingress.fqdn

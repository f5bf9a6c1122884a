// Azure Database for PostgreSQL Flexible Server: public network access disabled, reached through a private
// endpoint in the virtual network; Microsoft Entra authentication only (no password sign-in exists, the
// server has no password administrator). The Entra administrator is a group of the IT team; the app's
// managed identity gets a least-privilege role from infra/postgres-app-role.sql, run once after deployment.
targetScope = 'resourceGroup'

// Canada only (Protected B): the two Canadian regions are the only values accepted.
@allowed(['canadacentral', 'canadaeast'])
param location string

param name string
param tags object
param skuName string
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param tier string
param version string
param storageGb int
param databaseName string
@description('Geo-redundant backups go to the paired region, Canada East for Canada Central (and back).')
@allowed(['Enabled', 'Disabled'])
param geoRedundantBackup string = 'Disabled'

@description('Object id of the Microsoft Entra administrator (a group of the IT team is recommended).')
param entraAdminObjectId string
@description('Display name of that administrator (the group\'s name); it is also its PostgreSQL role name.')
param entraAdminName string
@allowed(['Group', 'User', 'ServicePrincipal'])
param entraAdminType string = 'Group'

param privateEndpointSubnetId string
param privateDnsZoneId string
param logAnalyticsWorkspaceId string

@description('TRIAL ONLY: public network access, limited by a firewall rule to trialClientIp. Off in production.')
param allowPublicNetworkAccess bool = false
param trialClientIp string = ''

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: tier
  }
  properties: {
    version: version
    storage: {
      storageSizeGB: storageGb
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: geoRedundantBackup
    }
    highAvailability: {
      mode: 'Disabled'
    }
    // Identities, not passwords: Entra tokens only. No administratorLogin / password is set.
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenant().tenantId
    }
    network: {
      publicNetworkAccess: allowPublicNetworkAccess ? 'Enabled' : 'Disabled'
    }
  }
}

resource entraAdmin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: server
  name: entraAdminObjectId
  properties: {
    principalName: entraAdminName
    principalType: entraAdminType
    tenantId: tenant().tenantId
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [
    entraAdmin
  ]
}

// TRIAL ONLY, and only for one named address: never 0.0.0.0 ("all Azure services" of any tenant).
resource trialRule 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = if (allowPublicNetworkAccess && !empty(trialClientIp)) {
  parent: server
  name: 'TrialOperator'
  properties: {
    startIpAddress: trialClientIp
    endIpAddress: trialClientIp
  }
  dependsOn: [
    database
  ]
}

resource endpoint 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: '${name}-pe'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'postgres'
        properties: {
          privateLinkServiceId: server.id
          groupIds: [
            'postgresqlServer'
          ]
        }
      }
    ]
  }
  dependsOn: [
    database
  ]
}

resource endpointDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-11-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'postgres'
        properties: {
          privateDnsZoneId: privateDnsZoneId
        }
      }
    ]
  }
}

// Metrics only: server logs can quote statements, and nothing of the people using the bot belongs there.
resource metrics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'metrics-to-log-analytics'
  scope: server
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output name string = server.name
output fqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name

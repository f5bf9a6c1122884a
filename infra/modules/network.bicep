// Network: one virtual network with the App Service's integration subnet (its outbound traffic, through a NAT
// gateway with one fixed public address) and a subnet for the private endpoints of Key Vault and PostgreSQL,
// with the private DNS zones that make their usual names resolve to those private addresses.
targetScope = 'resourceGroup'

// Canada only (Protected B): the two Canadian regions are the only values accepted.
@allowed(['canadacentral', 'canadaeast'])
param location string

param namePrefix string
param suffix string
param vnetAddressPrefix string
@description('App Service VNet integration; /26 or larger (one address per instance during scale-out).')
param appSubnetPrefix string
param privateEndpointSubnetPrefix string
param tags object

resource natIp 'Microsoft.Network/publicIPAddresses@2023-11-01' = {
  name: '${namePrefix}-egress-${suffix}'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

// Outbound only: the bot's calls to the Bot Connector and Entra ID leave from this one address, which a
// departmental firewall can name. Nothing listens on it.
resource nat 'Microsoft.Network/natGateways@2023-11-01' = {
  name: '${namePrefix}-nat-${suffix}'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    idleTimeoutInMinutes: 4
    publicIpAddresses: [
      {
        id: natIp.id
      }
    ]
  }
}

// No inbound rule is added: the defaults allow traffic inside the virtual network and deny the internet.
resource appNsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: '${namePrefix}-app-nsg-${suffix}'
  location: location
  tags: tags
  properties: {
    securityRules: []
  }
}

resource endpointsNsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: '${namePrefix}-pe-nsg-${suffix}'
  location: location
  tags: tags
  properties: {
    securityRules: []
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: '${namePrefix}-vnet-${suffix}'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        vnetAddressPrefix
      ]
    }
    subnets: [
      {
        name: 'app-integration'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'app-service'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
          natGateway: {
            id: nat.id
          }
          networkSecurityGroup: {
            id: appNsg.id
          }
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Enabled'
          networkSecurityGroup: {
            id: endpointsNsg.id
          }
        }
      }
    ]
  }
}

// Private DNS zones are global resources (no region); their records point at addresses in this network.
resource keyVaultZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
  tags: tags
}

resource keyVaultZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: keyVaultZone
  name: '${vnet.name}-link'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

resource postgresZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.postgres.database.azure.com'
  location: 'global'
  tags: tags
}

resource postgresZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: postgresZone
  name: '${vnet.name}-link'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

output vnetId string = vnet.id
output appSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'app-integration')
output privateEndpointSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'private-endpoints')
output keyVaultDnsZoneId string = keyVaultZone.id
output postgresDnsZoneId string = postgresZone.id
output egressIp string = natIp.properties.ipAddress

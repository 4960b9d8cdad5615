using './main.bicep'

// One organisation's production values; copy and adjust per environment.
param baseName = 'vertaistuki'
param botDisplayName = 'Vertaistuki'
param appServicePlanSku = 'B1'
param botSku = 'F0'
param storageSku = 'Standard_LRS'
param logRetentionDays = 30
param tags = {
  application: 'PeerSupportBot'
}

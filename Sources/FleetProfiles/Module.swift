import FleetUnits

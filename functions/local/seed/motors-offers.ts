import type { DemoOffers } from './types.js';

/** Partners of the car maker, their offers and the team's technology requests, in English. */
export const motorsOffers: DemoOffers = {
  partners: [
    { name: 'Volta Cells', country: 'DE', website: 'https://voltacells.example', description: 'Battery cells, packs and their second life.' },
    { name: 'Brightpath Sensors', country: 'GB', website: 'https://brightpath.example', description: 'Sensors and software for safer cars.' },
    { name: 'Circular Metals', country: 'SE', website: 'https://circularmetals.example', description: 'Low-carbon and recycled materials for industry.' },
  ],
  offers: [
    [0, 'Second-life battery storage for dealerships', 'Retired car batteries buffer fast chargers and cut peak power bills.', 'Packs are **tested cell by cell** and come with a five-year warranty.', ['battery', 'storage', 'second life'], 'pilot_series', 8, ['energy', 'mobility'], 'patented', ['licensing', 'manufacturing'], 'public'],
    [0, 'Solid-state battery cell samples', 'A-sample solid-state cells with 20 % more energy per litre.', 'Samples available for joint testing.', ['solid-state', 'cell', 'battery'], 'lab_prototype', 4, ['energy', 'materials'], 'patented', ['co_development', 'investment'], 'team'],
    [0, 'Battery health check in ten minutes', 'A workshop tool that grades a used battery in ten minutes.', 'Reads the battery management system and runs a short pulse test.', ['battery', 'diagnostics', 'workshop'], 'series_production', 9, ['mobility', 'digital'], 'know_how', ['distribution'], 'public'],
    [0, 'Bidirectional wallbox', 'Lets a parked car power the house in the evening.', 'Vehicle-to-home, 11 kW both ways.', ['wallbox', 'vehicle-to-home', 'charging'], 'industrial_prototype', 7, ['energy'], 'patent_pending', ['manufacturing', 'distribution'], 'public'],
    [0, 'Liquid-cooled fast-charging cable', 'A thinner, lighter cable for 400 kW charging.', 'Coolant circulates in the cable sheath.', ['charging', 'cable', 'cooling'], 'pilot_series', 8, ['energy', 'mobility'], 'patented', ['licensing'], 'partners'],
    [0, 'Hydrometallurgical cell recycling', 'Recovers 95 % of lithium, nickel and cobalt from scrap cells.', 'A water-based process at low temperature.', ['recycling', 'lithium', 'cobalt'], 'industrial_prototype', 6, ['materials', 'energy'], 'patented', ['co_development'], 'public'],
    [0, 'Sodium-ion cells for city cars', 'Cobalt-free cells that keep their range in the cold.', 'Lower cost per kWh for small batteries.', ['sodium-ion', 'cell', 'city car'], 'lab_prototype', 5, ['energy'], 'patent_pending', ['co_development', 'investment'], 'public'],
    [1, 'Solid-state lidar for driver assistance', 'A lidar with no moving parts, the size of a deck of cards.', 'Range 200 m, fits behind the windscreen.', ['lidar', 'assistance', 'sensor'], 'industrial_prototype', 6, ['mobility', 'digital'], 'patented', ['co_development', 'licensing'], 'partners'],
    [1, 'Driver drowsiness detection camera', 'An infrared camera that warns a tired driver before a microsleep.', 'Works with sunglasses and at night.', ['drowsiness', 'fatigue', 'camera'], 'series_production', 9, ['mobility', 'health'], 'know_how', ['distribution'], 'public'],
    [1, 'Tyre wear sensor in the valve', 'Tread depth measured at every drive, no workshop visit.', 'Battery-free, powered by the wheel’s rotation.', ['tyre', 'wear', 'sensor'], 'pilot_series', 7, ['mobility', 'digital'], 'patented', ['manufacturing'], 'public'],
    [1, 'Over-the-air update security module', 'Signs and checks every software update the car receives.', 'Open reference design, certified to ISO 21434.', ['security', 'software', 'update'], 'series_production', 8, ['digital'], 'open', ['licensing'], 'public'],
    [1, 'Cabin air quality sensor', 'Measures fine particles and CO2 in the cabin and drives the ventilation.', 'A single module for every model.', ['air quality', 'cabin', 'sensor'], 'series_production', 9, ['health', 'mobility'], 'know_how', ['distribution'], 'public'],
    [1, 'Road friction estimation from braking data', 'Warns of slippery roads using the data the ABS already has.', 'An early study with a road authority.', ['friction', 'road', 'safety'], 'concept', 3, ['mobility', 'digital'], 'patent_pending', ['co_development'], 'team'],
    [2, 'Recycled aluminium for body panels', 'Sheet aluminium with 85 % recycled content and the same formability.', 'Sorted from end-of-life cars by alloy.', ['aluminium', 'recycled', 'body'], 'series_production', 9, ['materials', 'manufacturing'], 'know_how', ['manufacturing', 'distribution'], 'public'],
    [2, 'Green steel from hydrogen reduction', 'Steel made with hydrogen instead of coke: 90 % less CO2.', 'Pilot plant output available for test parts.', ['steel', 'hydrogen', 'low carbon'], 'pilot_series', 7, ['materials', 'energy'], 'patented', ['investment', 'co_development'], 'public'],
    [2, 'Magnesium seat frames', 'Seat frames 40 % lighter than steel ones.', 'High-pressure die cast in one piece.', ['seat', 'magnesium', 'lightweight'], 'industrial_prototype', 6, ['materials', 'manufacturing'], 'patent_pending', ['co_development'], 'public'],
    [2, 'Rare-earth-free motor magnets', 'Iron-nitride magnets for traction motors.', 'No neodymium, no dysprosium.', ['magnet', 'motor', 'rare earth'], 'lab_prototype', 4, ['materials', 'mobility'], 'patented', ['licensing', 'co_development'], 'partners'],
    [2, 'Flax-based interior trims', 'Door panels from flax fibre, lighter and plant-based.', 'Grown and processed in Europe.', ['flax', 'interior', 'bio-based'], 'pilot_series', 8, ['materials'], 'know_how', ['manufacturing'], 'public'],
    [2, 'Paint shop water recycling', 'Treats and reuses 90 % of a paint shop’s water.', 'Membrane filtration and evaporation.', ['water', 'paint', 'recycling'], 'series_production', 9, ['water', 'manufacturing'], 'patented', ['distribution'], 'public'],
    [2, 'Low-temperature powder coating', 'Cures at 130 °C instead of 180 °C.', 'Saves a third of the oven energy.', ['coating', 'paint', 'energy'], 'industrial_prototype', 5, ['manufacturing', 'energy'], 'patent_pending', ['licensing'], 'team'],
  ],
  requests: [
    { title: 'Storage for our dealership fast chargers', need: 'Our dealerships need battery storage to run fast chargers without upgrading their grid connection.', maturities: ['pilot_series', 'series_production'], trlMin: 7, trlMax: 9, sectors: ['energy'], partnerships: ['licensing', 'manufacturing'] },
    { title: 'Lighter seats for the next compact car', need: 'We want to take 5 kg out of the seats of our next compact car with lightweight materials.', maturities: [], trlMin: 5, trlMax: 9, sectors: ['materials', 'manufacturing'], partnerships: ['co_development'] },
    { title: 'Detect driver fatigue on long trips', need: 'A camera or sensor that warns drivers of fatigue and drowsiness on motorway trips.', maturities: ['series_production'], trlMin: 6, trlMax: 9, sectors: ['mobility', 'health'], partnerships: ['distribution', 'licensing'] },
  ],
};

// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "trained_fixture.h"

#include "training_fixture.h"

#include <semrel/training/trainer.h>

namespace semrel::test {

TrainedFixture trainedFixture(const SyntheticSpec& spec, int epochs)
{
    auto data = std::make_shared<Dataset>(makeSyntheticDataset(spec));
    TrainingConfig config = tinyTrainingConfig(epochs);
    config.batchSize = 32;
    config.seed = 3;
    config.evaluateEachEpoch = false;
    const StopFlag stop;
    TrainingResult result = Trainer(config).run(*data, stop);
    return {data, std::make_shared<const RelationModel>(std::move(result.state))};
}

} // namespace semrel::test
